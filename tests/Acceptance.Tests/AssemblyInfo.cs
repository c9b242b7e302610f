// The README's commands run one after another against one data directory, as a newcomer types them.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
