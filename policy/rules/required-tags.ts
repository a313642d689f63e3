import { REQUIRED_TAGS } from '../../lib/tags';
import { PolicyRule, resources } from '../rule';

/** Cleanup finds expired events by tag, so an untagged resource could outlive its event. */
export const requiredTags: PolicyRule = {
  id: 'SC-TAGS',
  description: `every taggable resource carries ${REQUIRED_TAGS.join(', ')}`,
  check({ document, taggable }) {
    const findings: string[] = [];
    for (const r of resources(document)) {
      const address = `${r.type}.${r.name}`;
      if (!taggable.has(address)) continue;
      const tags = (r.config.tags ?? {}) as Record<string, unknown>;
      const missing = REQUIRED_TAGS.filter((t) => typeof tags[t] !== 'string' || tags[t] === '');
      if (missing.length > 0) findings.push(`${address} lacks tags ${missing.join(', ')}`);
    }
    return findings;
  },
};
