// Writes the inputs of saved repros as files, for the CLI or an editor:
//   node test/fuzz/materialize.mjs [DIR (default test/fuzz/crashes)] [OUT (default a temp folder)]
// Large inputs are stored as recipes (textSpec) in repro.json; each repro becomes
// OUT/<repro folder>/<document> next to the example policy it links to (and its .rsp-lint.yaml).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromSpec } from './spec.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const src = path.resolve(process.argv[2] ?? path.join(HERE, 'crashes'));
const out = path.resolve(process.argv[3] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-fuzz-repros-')));
const examples = path.join(HERE, '..', '..', 'examples');

for (const d of fs.readdirSync(src).sort()) {
  const f = path.join(src, d, 'repro.json');
  if (!fs.existsSync(f)) continue;
  const r = JSON.parse(fs.readFileSync(f, 'utf8'));
  if (!r.docPath) continue;
  const dir = path.join(out, d);
  fs.mkdirSync(dir, { recursive: true });
  // The folder of the fuzzer's in-memory workspace the document lived in (/ws/example-labs/…).
  const home = path.join(examples, path.posix.dirname(r.docPath).replace(/^\/ws\/?/, ''));
  if (fs.existsSync(home)) for (const e of fs.readdirSync(home)) if (e.endsWith('.rsp.yaml')) fs.copyFileSync(path.join(home, e), path.join(dir, e));
  for (const p of r.policy ?? []) fs.writeFileSync(path.join(dir, path.posix.basename(p.path)), p.base64 !== undefined ? Buffer.from(p.base64, 'base64') : p.text);
  const text = r.textSpec ? fromSpec(r.textSpec) : r.minimized ?? r.text;
  fs.writeFileSync(path.join(dir, path.posix.basename(r.docPath)), r.docBase64 !== undefined ? Buffer.from(r.docBase64, 'base64') : text);
  if (r.configSpec || r.config) fs.writeFileSync(path.join(dir, '.rsp-lint.yaml'), r.configSpec ? fromSpec(r.configSpec) : r.config.text);
}
process.stdout.write(`${out}\n`);
