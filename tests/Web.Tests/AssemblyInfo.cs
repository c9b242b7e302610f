// Hangfire keeps its configuration in static state (GlobalConfiguration, JobStorage.Current): two apps in one
// process at once would share it. The web tests therefore run one app at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
