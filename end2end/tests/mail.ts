// Reads mails Lotse wrote to the outbox folder (no SMTP in tests).
import * as fs from 'fs';
import * as path from 'path';
import { OUTBOX_DIR } from '../playwright.config';

function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** The first link in the newest mail to `recipient`, waiting up to 10 s for it to arrive. */
export async function linkFromLatestMail(recipient: string, pathPrefix: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const files = fs.existsSync(OUTBOX_DIR) ? fs.readdirSync(OUTBOX_DIR).sort().reverse() : [];
    for (const file of files) {
      const text = decodeQuotedPrintable(fs.readFileSync(path.join(OUTBOX_DIR, file), 'utf8'));
      if (!text.includes(`To: ${recipient}`)) continue;
      const match = text.match(new RegExp(`https?://[^\\s]+${pathPrefix}[^\\s]*`));
      if (match) return new URL(match[0]).pathname + new URL(match[0]).search;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no mail with ${pathPrefix} for ${recipient}`);
}
