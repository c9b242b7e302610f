// Hangfire keeps its configuration in static state (GlobalConfiguration, JobStorage.Current): two apps in one
// process at once would share it. So every test class is in one collection and runs one at a time, except the classes
// of the Programs collection, which only start the real program as processes of their own and run beside the others.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerAssembly)]
