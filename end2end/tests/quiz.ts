// Reads a quiz.md the way an author writes it, so the e2e test knows the right answers without
// asking Lotse (which never sends them before submission).
import * as fs from 'fs';

export type Question =
  | { kind: 'single' | 'multiple'; options: { text: string; correct: boolean }[]; explanationStart: string }
  | { kind: 'text'; accepted: string[]; explanationStart: string };

export function readQuiz(file: string): Question[] {
  const body = fs.readFileSync(file, 'utf8').split(/^\+\+\+$/m).slice(2).join('+++');
  return body
    .split(/^## /m)
    .slice(1)
    .map((block) => {
      const lines = block.split('\n');
      const explanation = block.split(/^\*{5}$/m)[1] ?? '';
      // The first few words, enough to recognise the explanation on the result page.
      const explanationStart = explanation.trim().split(/\s+/).slice(0, 5).join(' ');
      const options = lines
        .map((l) => l.match(/^- (\[\(|\[\[)([ X])(\)\]|\]\]) (.*)$/))
        .filter((m): m is RegExpMatchArray => m !== null)
        .map((m) => ({ multiple: m[1] === '[[', correct: m[2] === 'X', text: m[4].trim() }));
      if (options.length > 0) {
        const kind = options[0].multiple ? 'multiple' : 'single';
        return { kind, options: options.map(({ text, correct }) => ({ text, correct })), explanationStart };
      }
      const text = lines.map((l) => l.match(/^\[\[([^?].*)\]\]$/)).find((m) => m !== null && m !== undefined);
      if (!text) throw new Error(`no answers in question: ${lines[0]}`);
      return { kind: 'text', accepted: text[1].split('|'), explanationStart };
    });
}
