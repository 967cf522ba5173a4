/// Groups the storage suites so that `swift test --filter Storage` selects them all.
enum StorageTests {}
