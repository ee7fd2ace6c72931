// Browser tests share two cores with Chromium and the server: one class at a time keeps their timing honest.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
