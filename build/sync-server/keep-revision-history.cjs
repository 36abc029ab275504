// Loaded into pouchdb-server (`node --require`) by test/support/sync-server.ts. pouchdb-validation, which runs a
// database's validate_doc_update in pouchdb-server, sets every incoming document's `_revisions` to the history of the
// revision the server holds, before validating it. A replication writes with `new_edits: false` and sends each
// revision's own history in `_revisions`: overwritten, an edited document arrives as the revision the server already
// has, the write is answered as done, and the edit is silently not stored (CouchDB keeps the sent history). So every
// edit of a case, merged conflict or anonymised entry replicated to the test server was lost. Here the history sent
// is kept; a document sent without one (an ordinary write) still gets the server's, as before.
'use strict';
const Module = require('node:module');
const path = require('node:path');

const TARGET = path.join('pouchdb-validation', 'lib', 'index.js');
const FAULT = 'newDoc._revisions = (oldDoc || {})._revisions;';
const FIX = 'if (!newDoc._revisions) newDoc._revisions = (oldDoc || {})._revisions;';

const compile = Module.prototype._compile;
Module.prototype._compile = function (content, filename) {
  if (filename.endsWith(TARGET)) {
    if (!content.includes(FAULT))
      throw new Error(
        `${filename} no longer holds the line build/sync-server/keep-revision-history.cjs corrects: check whether ` +
          'the installed pouchdb-server still overwrites a replicated revision history, and update or remove the fix.',
      );
    content = content.replace(FAULT, FIX);
  }
  return compile.call(this, content, filename);
};
