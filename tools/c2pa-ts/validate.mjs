// Independent check of C2PA manifests with @trustnxt/c2pa-ts (pure TypeScript reader).
// Usage: node validate.mjs <file> [<file>...]
// For one file prints one JSON object, for several a JSON array of them, each:
//   {file, found, valid, statuses:[{code,success,url,explanation}], activeManifest, claimGenerator,
//    claimGeneratorVersion, claimVersion ("v1"|"v2"), title, assertions:[labels], error?}
// Exit code 0 whenever the files could be read (validity is in the JSON), 2 on usage errors.
// Note: c2pa-ts does not implement chain-of-trust validation; its signingCredential.* codes are not a trust verdict.
import * as fs from 'node:fs/promises';
import { JPEG, PNG, BMFF } from '@trustnxt/c2pa-ts/asset';
import { SuperBox } from '@trustnxt/c2pa-ts/jumbf';
import { ManifestStore, ValidationResult } from '@trustnxt/c2pa-ts/manifest';

async function check(file) {
  const out = { file, found: false, valid: false, statuses: [], assertions: [] };
  const buf = new Uint8Array(await fs.readFile(file));
  let asset;
  if (JPEG.canRead(buf)) asset = new JPEG(buf);
  else if (PNG.canRead(buf)) asset = new PNG(buf);
  else if (BMFF.canRead(buf)) asset = new BMFF(buf);
  else {
    out.error = 'unknown file format';
    return out;
  }
  const jumbf = asset.getManifestJUMBF();
  if (!jumbf) return out;
  out.found = true;
  let result;
  try {
    const store = ManifestStore.read(SuperBox.fromBuffer(jumbf));
    const active = store.getActiveManifest();
    if (active) {
      out.activeManifest = active.label;
      out.claimGenerator = active.claim?.claimGeneratorName;
      out.claimGeneratorVersion = active.claim?.claimGeneratorVersion;
      out.claimVersion = active.claim ? `v${active.claim.version + 1}` : undefined;
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
  return out;
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node validate.mjs <file> [<file>...]');
  process.exit(2);
}
const results = [];
for (const f of files) results.push(await check(f));
console.log(JSON.stringify(results.length === 1 ? results[0] : results, null, 1));
