/**
 * `bridgework suggest`: who should this person meet, and who can introduce them — ranked introductions with the
 * introducer, the path, the score and sentences a coach can read aloud; or, with `--caseload COACH_ID`, suggestions
 * for every member a coach supports, with the asks spread over introducers. A thin adapter over
 * `@bridgework/matcher`: read the database, call the matcher, print. The likelihood is resource allocation (the
 * default) or the link model learned from the graph's own history (`--likelihood learned`).
 */
import { BridgeworkError } from '@bridgework/graph-core';
import { LIKELIHOOD_NAMES, PROFILE_NAMES, SUGGEST_DEFAULTS, buildSuggestIndex, productLinkScorer, suggestForCaseload, suggestIntroductions, type LikelihoodName, type Suggestion } from '@bridgework/matcher';
import { EXIT, type Io } from '../context.js';
import { withStore } from '../store.js';

export interface SuggestCommandOptions {
  db: string;
  k: number;
  profile: string;
  json?: boolean;
  now?: string;
  seed: number;
  caseload?: string;
  /** `resource-allocation` (default) or `learned` (see `SUGGEST_DEFAULTS.likelihood`). */
  likelihood?: string;
}

export async function runSuggest(io: Io, personId: string | undefined, opts: SuggestCommandOptions): Promise<number> {
  const now = opts.now ? new Date(opts.now.length === 10 ? `${opts.now}T00:00:00Z` : opts.now) : new Date();
  if (Number.isNaN(now.getTime())) throw new BridgeworkError('validation', `cli/suggest: --now must be a date, not ${JSON.stringify(opts.now)}`);
  if (!(PROFILE_NAMES as readonly string[]).includes(opts.profile)) {
    throw new BridgeworkError('validation', `cli/suggest: --profile must be one of ${PROFILE_NAMES.join(', ')}, not ${JSON.stringify(opts.profile)}`);
  }
  const likelihood = (opts.likelihood ?? SUGGEST_DEFAULTS.likelihood) as LikelihoodName;
  if (!(LIKELIHOOD_NAMES as readonly string[]).includes(likelihood)) {
    throw new BridgeworkError('validation', `cli/suggest: --likelihood must be one of ${LIKELIHOOD_NAMES.join(', ')}, not ${JSON.stringify(opts.likelihood)}`);
  }
  if (!personId && !opts.caseload) throw new BridgeworkError('validation', 'cli/suggest: give a PERSON_ID or --caseload COACH_ID');
  if (personId && opts.caseload) throw new BridgeworkError('validation', 'cli/suggest: give a PERSON_ID or --caseload COACH_ID, not both');
  const graph = await withStore(opts.db, (store) => store.loadGraph());
  const profile = opts.profile as (typeof PROFILE_NAMES)[number];
  const index = buildSuggestIndex(graph, { now, seed: opts.seed });
  const linkScorer = productLinkScorer(graph, { now, seed: opts.seed, likelihood });
  if (opts.caseload) {
    const coach = graph.person(opts.caseload);
    if (!coach) throw new BridgeworkError('not-found', `cli/suggest: no person with id ${JSON.stringify(opts.caseload)} in ${opts.db}`);
    const members = [...graph.people()].filter((p) => p.coachId === opts.caseload).map((p) => p.id);
    const r = suggestForCaseload(graph, members, { now, k: opts.k, profile, seed: opts.seed, index, linkScorer });
    if (opts.json) io.out(JSON.stringify({ coach: { id: coach.id, name: coach.name }, ...r }, null, 2));
    else {
      const lines = [`Caseload of ${coach.name} (${coach.id}): ${members.length} members, profile ${r.profile}, ${now.toISOString().slice(0, 10)}`];
      for (const m of r.members) {
        lines.push('', `${m.name} (${m.personId})${m.reason ? ` — none: ${reasonText(m.reason)}` : ''}`);
        for (const s of m.suggestions) lines.push(...formatSuggestion(s));
      }
      lines.push('', `Introducers asked: ${r.introducerLoad.map((x) => `${x.name} ${x.asks}`).join(', ') || 'none'}`);
      io.out(lines.join('\n'));
    }
    return EXIT.ok;
  }
  const person = graph.person(personId!);
  if (!person) throw new BridgeworkError('not-found', `cli/suggest: no person with id ${JSON.stringify(personId)} in ${opts.db}`);
  const r = suggestIntroductions(graph, personId!, { now, k: opts.k, profile, seed: opts.seed, index, linkScorer });
  if (opts.json) {
    io.out(JSON.stringify(r, null, 2));
    return EXIT.ok;
  }
  const lines = [`Introductions for ${r.name} (${r.personId}), profile ${r.profile}, ${now.toISOString().slice(0, 10)}`];
  if (r.reason) lines.push(`No suggestions: ${reasonText(r.reason)}.`);
  for (const s of r.suggestions) lines.push('', ...formatSuggestion(s));
  io.out(lines.join('\n'));
  return EXIT.ok;
}

function reasonText(reason: string): string {
  switch (reason) {
    case 'no-consent':
      return 'no consent to introductions is recorded';
    case 'open-cap-reached':
      return 'the cap on open introductions is reached';
    case 'out-of-scope':
      return 'outside the caseload';
    default:
      return 'nobody passes the rules (consent, no existing tie, an introducer who can vouch)';
  }
}

/** Rank, who, via whom, score, the sentences. */
export function formatSuggestion(s: Suggestion): string[] {
  const where = s.organisation ? `, ${s.jobTitle ? `${s.jobTitle} at ` : ''}${s.organisation.name}` : '';
  const via = s.introducers.map((i) => `${i.name} (${i.pathStrength.toFixed(2)})`).join(' or ');
  return [
    `${String(s.rank).padStart(2)}. ${s.name} (${s.id})${where} — via ${via} — score ${s.score.toFixed(2)}`,
    ...s.sentences.map((line) => `    ${line}`),
  ];
}
