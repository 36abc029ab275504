// PouchDB ships no types: the calls Redress makes are typed in ./pouch.ts; these modules are only constructed.
declare module 'pouchdb-browser' {
  const PouchDB: {
    new (name: string, options?: Record<string, unknown>): import('./pouch').PouchDatabase;
    plugin(plugin: unknown): unknown;
    /** The adapters registered so far, by name. */
    adapters: Record<string, unknown>;
    /** What a local database's name is prefixed with in the browser's storage ('_pouch_'). */
    prefix: string;
    replicate(
      source: import('./pouch').PouchDatabase,
      target: import('./pouch').PouchDatabase,
      options?: Record<string, unknown>,
    ): import('./pouch').PouchReplication;
    sync(
      a: import('./pouch').PouchDatabase,
      b: import('./pouch').PouchDatabase,
      options?: Record<string, unknown>,
    ): import('./pouch').PouchReplication;
  };
  export default PouchDB;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-indexeddb' {
  const plugin: unknown;
  export default plugin;
}
