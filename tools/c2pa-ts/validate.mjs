// Independent check of a C2PA manifest with @trustnxt/c2pa-ts (pure TypeScript reader).
// Usage: node validate.mjs <file>
// Prints one JSON object: {found, valid, statuses:[{code,success,url,explanation}], claimGenerator,
// claimVersion, assertions:[labels], activeManifest, error?}. Exit code 0 whenever the file could be read.
import * as fs from 'node:fs/promises';
import { JPEG, PNG, BMFF } from '@trustnxt/c2pa-ts/asset';
import { SuperBox } from '@trustnxt/c2pa-ts/jumbf';
import { ManifestStore, ValidationResult } from '@trustnxt/c2pa-ts/manifest';

const out = { found: false, valid: false, statuses: [], assertions: [] };
if (process.argv.length < 3) {
  console.error('usage: node validate.mjs <file>');
  process.exit(2);
}
const buf = new Uint8Array(await fs.readFile(process.argv[2]));
let asset;
if (JPEG.canRead(buf)) asset = new JPEG(buf);
else if (PNG.canRead(buf)) asset = new PNG(buf);
else if (BMFF.canRead(buf)) asset = new BMFF(buf);
else {
  out.error = 'unknown file format';
  console.log(JSON.stringify(out));
  process.exit(0);
}
const jumbf = asset.getManifestJUMBF();
if (jumbf) {
  out.found = true;
  let result;
  try {
    const superBox = SuperBox.fromBuffer(jumbf);
    const store = ManifestStore.read(superBox);
    const active = store.getActiveManifest();
    if (active) {
      out.activeManifest = active.label;
      out.claimGenerator = active.claim?.claimGeneratorName;
      out.claimGeneratorVersion = active.claim?.claimGeneratorVersion;
      out.claimVersion = active.claim?.version;
      out.title = active.claim?.title;
      out.assertions = (active.assertions?.assertions ?? []).map((a) => a.label);
    }
    result = await store.validate(asset);
  } catch (e) {
    out.error = String(e?.message ?? e);
    result = ValidationResult.fromError(e);
  }
  out.valid = result.isValid;
  out.statuses = result.statusEntries.map((s) => ({
    code: s.code, success: s.success, url: s.url, explanation: s.explanation,
  }));
}
console.log(JSON.stringify(out, null, 1));
