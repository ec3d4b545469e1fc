// Native addons (better-sqlite3) are compiled by node-gyp, which needs Node's headers. Point it at the headers of the
// Node that runs the install (every Node distribution ships them under <prefix>/include/node) instead of downloading.
const path = require('node:path');
const fs = require('node:fs');
const prefix = path.dirname(path.dirname(process.execPath));
if (!process.env.npm_config_nodedir && fs.existsSync(path.join(prefix, 'include', 'node', 'node.h'))) {
  process.env.npm_config_nodedir = prefix;
}
module.exports = { hooks: {} };
