import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';

// Every word the agent or admin reads goes through browser.i18n: a locale missing a key shows
// English (or nothing) in the middle of another language, and text written in a component
// cannot be translated at all.

const LOCALES_DIR = 'utils/i18n/locales';
/** The languages the extension ships in, besides English. */
const LANGUAGES = ['de', 'fr', 'es', 'it', 'ja', 'pt_BR'];

type Message = Awaited<ReturnType<typeof parseMessagesFile>>[number];
const load = async (lang: string) => new Map((await parseMessagesFile(join(LOCALES_DIR, `${lang}.yml`))).map((m) => [m.key.join('.'), m]));
const forms = (m: Message) => (m.type === 'plural' ? Object.values(m.plurals) : [m.message]);
const named = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((x) => x[1]))].sort();

describe('locales', () => {
  it.each(LANGUAGES)('%s has every English message, with the same placeholders, and nothing else', async (lang) => {
    const english = await load('en');
    const other = await load(lang);
    const missing = [...english.keys()].filter((k) => !other.has(k));
    const extra = [...other.keys()].filter((k) => !english.has(k));
    expect(missing, `${lang}.yml lacks these keys`).toEqual([]);
    expect(extra, `${lang}.yml has keys English does not`).toEqual([]);
    for (const [key, en] of english) {
      const translated = other.get(key)!;
      const wanted = named(forms(en).join(' '));
      for (const form of forms(translated)) {
        expect(form.trim(), `${lang}: ${key} is empty`).not.toBe('');
        // Each form names what the English one does (a plural form may leave the count out: "one case").
        expect(named(form).filter((n) => !wanted.includes(n)), `${lang}: ${key} has placeholders English does not`).toEqual([]);
      }
      expect(named(forms(translated).join(' ')), `${lang}: ${key} drops a placeholder`).toEqual(wanted);
      expect(translated.type === 'plural', `${lang}: ${key} plural or not as English`).toBe(en.type === 'plural');
    }
  });
});

/** JSX attributes that people read. */
const READ_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'label', 'aria-roledescription', 'aria-valuetext']);
/** Text that is the same in every language. */
const SAME_EVERYWHERE = /^[\s\p{P}\p{S}\d]*$|^(Salesforce|API|SOQL|OAuth|PKCE|JSON|URL|ID)$/u;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.tsx') ? [path] : [];
  });
}

/** Text a component writes itself: JSX text, read attributes, and string literals rendered from JSX. */
function hardCoded(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const say = (node: ts.Node, text: string) => {
    if (!SAME_EVERYWHERE.test(text.trim())) found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${text.trim()}`);
  };
  /** A literal whose value is shown where it stands, not a key, a comparison or an argument. */
  const shownLiteral = (node: ts.Node): boolean => {
    for (let at = node.parent; at; at = at.parent) {
      if (ts.isJsxExpression(at)) return !(at.parent && ts.isJsxAttribute(at.parent) && !READ_ATTRIBUTES.has(at.parent.name.getText()));
      if (ts.isCallExpression(at) || ts.isElementAccessExpression(at) || ts.isCaseClause(at) || ts.isPropertyAssignment(at)) return false;
      if (ts.isBinaryExpression(at) && ![ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.PlusToken, ts.SyntaxKind.AmpersandAmpersandToken].includes(at.operatorToken.kind)) return false;
      if (!ts.isConditionalExpression(at) && !ts.isParenthesizedExpression(at) && !ts.isBinaryExpression(at) && !ts.isTemplateSpan(at) && !ts.isTemplateExpression(at)) return false;
    }
    return false;
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) say(node, node.getText());
    else if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText()) && node.initializer && ts.isStringLiteral(node.initializer)) say(node, node.initializer.text);
    else if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && shownLiteral(node)) say(node, node.text);
    else if (ts.isTemplateExpression(node) && shownLiteral(node)) say(node, [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' '));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('text in components', () => {
  it('is never written in a component: it comes from the locales', () => {
    expect(filesUnder('components').flatMap(hardCoded)).toEqual([]);
  });

  it('the check finds text written in a component', () => {
    const probe = 'tests/meta/fixtures/hard-coded.tsx';
    expect(hardCoded(probe).map((line) => line.replace(/^.*?: /, ''))).toEqual(['Save', 'Search by name', 'Saving…', 'Done', 'Take off', 'A new case']);
  });
});
