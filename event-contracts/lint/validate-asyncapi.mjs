// Parses an AsyncAPI document with the official parser (@asyncapi/parser) and prints every diagnostic.
// Exit status 1 when the document does not parse or any diagnostic is an error, 0 otherwise.
import { Parser, fromFile } from '@asyncapi/parser';

const SEVERITY = ['error', 'warning', 'information', 'hint'];
const file = process.argv[2];
if (!file) {
    console.error('usage: node validate-asyncapi.mjs <asyncapi.yaml>');
    process.exit(2);
}
const { document, diagnostics } = await fromFile(new Parser(), file).parse();
for (const d of diagnostics) {
    console.log(`${SEVERITY[d.severity] ?? d.severity} ${d.code} ${d.message} at ${d.path.join('.') || '(root)'}`);
}
const errors = diagnostics.filter(d => d.severity === 0).length;
console.log(`${file}: ${document ? 'parsed' : 'did not parse'}, ${errors} error(s), ${diagnostics.length - errors} other diagnostic(s)`);
process.exit(document && errors === 0 ? 0 : 1);
