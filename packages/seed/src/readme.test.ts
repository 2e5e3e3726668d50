import { readFileSync } from 'node:fs';
import * as commandHandling from '@crm/command-handling';
import * as domain from '@crm/domain';
import { describe, expect, it } from 'vitest';
import * as seed from './index.ts';

// The README's snippets are run here as written: their imports come from these modules.
const modules: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  '@crm/seed': seed,
  '@crm/domain': domain,
  '@crm/command-handling': commandHandling,
};

const snippets = [
  ...readFileSync(new URL('../README.md', import.meta.url), 'utf8').matchAll(
    /```ts\n([\s\S]*?)```/g,
  ),
].map((match) => match[1] ?? '');

type Run = (...args: ReadonlyArray<unknown>) => Promise<unknown>;
const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (
  ...args: ReadonlyArray<string>
) => Run;

/** Runs a snippet with its imports bound, the given free names, and `history` returned. */
const run = (snippet: string, free: Readonly<Record<string, unknown>>): Promise<unknown> => {
  const bound: Record<string, unknown> = { ...free };
  const body = snippet.replace(
    /^import \{([^}]+)\} from '([^']+)';$/gm,
    (_line, names: string, from: string) => {
      for (const name of names.split(',').map((n) => n.trim()))
        if (!name.startsWith('type ')) bound[name] = modules[from]?.[name];
      return '';
    },
  );
  // The snippets are TypeScript; their only type syntax is `as SomeType`, dropped to run them.
  const plain = body.replace(/ as [A-Z][A-Za-z]*/g, '');
  return new AsyncFunction(...Object.keys(bound), `${plain}\nreturn history;`)(
    ...Object.values(bound),
  );
};

describe('the README', () => {
  it('has two snippets, and the usage one runs as written', async () => {
    expect(snippets).toHaveLength(2);
    const handled: Array<{ readonly command: unknown; readonly context: unknown }> = [];
    const reported: number[] = [];
    const handler = {
      handle: async (command: unknown, context: unknown) => handled.push({ command, context }),
    };
    const history = (await run(snippets[0] ?? '', {
      handler,
      report: (n: number) => reported.push(n),
    })) as seed.CrmHistory;
    expect(handled.length).toBe(history.progress.commands);
    expect(handled[0]).toMatchObject({
      context: { commandId: 'seed-1', actor: { role: 'sales_rep' } },
    });
    expect(reported.length).toBe(Math.floor(handled.length / 1_000));
    expect(history.facts.wellKnownCustomer.phone.typed).toMatch(/^020 7946 0\d{3}$/);
  });

  it("gives policy reactions the policy runner's own ids in the second snippet", async () => {
    const history = (await run(snippets[1] ?? '', {})) as seed.CrmHistory;
    const reactions = [...history].filter((item) => item.reaction !== undefined);
    expect(reactions.length).toBeGreaterThan(0);
    expect(
      reactions.every((item) => item.commandId.startsWith(`policy.${item.reaction?.policy}.`)),
    ).toBe(true);
  });
});
