// One app with a Hangfire server (static state) and one browser at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
