/**
 * A photo as it is kept: rewritten from its own parts, keeping only what draws
 * the picture. Metadata goes (EXIF with the place it was taken, XMP, comments,
 * text chunks), and so does anything after the image's end — where an
 * HTML-and-JPEG polyglot hides its page. undefined: the bytes are no image.
 */
export function cleanImage(type: 'image/jpeg' | 'image/png', bytes: Buffer): Buffer | undefined {
  return type === 'image/jpeg' ? cleanJpeg(bytes) : cleanPng(bytes);
}

/** APP1–APP15 (EXIF, XMP, ICC, Photoshop) and comments carry no picture. */
const isMetadata = (marker: number) => (marker >= 0xe1 && marker <= 0xef) || marker === 0xfe;
const isRestart = (marker: number) => marker >= 0xd0 && marker <= 0xd7;

function cleanJpeg(bytes: Buffer): Buffer | undefined {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  const kept: Buffer[] = [bytes.subarray(0, 2)];
  let at = 2;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    while (bytes[at] === 0xff) at++;
    const marker = bytes[at++];
    if (marker === undefined) return undefined;
    // The end of the image: whatever follows is not part of it.
    if (marker === 0xd9) return Buffer.concat([...kept, Buffer.from([0xff, 0xd9])]);
    if (isRestart(marker) || marker === 0x01) {
      kept.push(Buffer.from([0xff, marker]));
      continue;
    }
    if (at + 2 > bytes.length) return undefined;
    const length = bytes.readUInt16BE(at);
    if (length < 2 || at + length > bytes.length) return undefined;
    if (!isMetadata(marker)) kept.push(bytes.subarray(at - 2, at + length));
    at += length;
    if (marker === 0xda) {
      // The compressed picture runs to the next marker that is neither a stuffed 0xFF nor a restart.
      const start = at;
      while (at < bytes.length - 1 && !(bytes[at] === 0xff && bytes[at + 1] !== 0x00 && !isRestart(bytes[at + 1]!))) at++;
      kept.push(bytes.subarray(start, at));
    }
  }
  return undefined;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** The chunks that draw a PNG (and how its colours are meant); text, EXIF and private chunks are left out. */
const PNG_PICTURE = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'gAMA', 'cHRM', 'sRGB', 'sBIT', 'bKGD', 'pHYs']);

function cleanPng(bytes: Buffer): Buffer | undefined {
  if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return undefined;
  const kept: Buffer[] = [PNG_SIGNATURE];
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const end = at + 12 + length;
    if (end > bytes.length) return undefined;
    if (PNG_PICTURE.has(type)) kept.push(bytes.subarray(at, end));
    at = end;
    if (type === 'IEND') return Buffer.concat(kept);
  }
  return undefined;
}
