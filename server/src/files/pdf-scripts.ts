import { promisify } from 'node:util';
import { inflate } from 'node:zlib';

const inflateAsync = promisify(inflate);

/** What a PDF may not carry here: scripts, actions that start things, files inside, interactive forms. */
const ACTIVE = /\/(JavaScript|JS|Launch|EmbeddedFiles?|RichMedia|XFA|AA|SubmitForm|ImportData|GoToR|GoToE)\b/;
/** Inflated stream content looked at, in all: a proof of eligibility is a few pages. */
const INFLATED_AT_MOST = 64 * 1024 * 1024;

/**
 * Whether a PDF carries something active — in its own dictionaries or inside
 * compressed object streams, and whatever the name's #-escapes. A proof of
 * eligibility is a scan or an export: it needs none of these.
 */
export async function pdfIsActive(bytes: Buffer): Promise<boolean> {
  if (ACTIVE.test(unescapeNames(bytes.toString('latin1')))) return true;
  let inflated = 0;
  const text = bytes.toString('latin1');
  const streams = /stream\r?\n/g;
  for (let match = streams.exec(text); match; match = streams.exec(text)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    let content: Buffer;
    try {
      content = await inflateAsync(bytes.subarray(start, end), { maxOutputLength: INFLATED_AT_MOST - inflated });
    } catch (error) {
      // Not deflated (images, fonts in other filters), or past the limit: the limit counts as active.
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return true;
      continue;
    }
    inflated += content.length;
    if (ACTIVE.test(unescapeNames(content.toString('latin1')))) return true;
    streams.lastIndex = end;
  }
  return false;
}

/** /J#61vaScript is /JavaScript to a reader. */
function unescapeNames(text: string): string {
  return text.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
