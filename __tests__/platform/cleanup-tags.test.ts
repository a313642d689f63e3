import { EventNames, PlatformNames } from '../../lib/naming';
import {
  eventTags,
  isCleanupCandidate,
  isEventGroup,
  platformTags,
  PLATFORM_PURPOSE,
} from '../../lib/tags';
import { synthPlatform } from './helpers';
import { resolveEvent } from '../../lib/event-model';

/** The selectors cleanup and `list --azure` really use (engine/cleanup.ts, engine/queries.ts). */
function cleanupMatches(tags: Readonly<Record<string, string>>): boolean {
  return isCleanupCandidate(tags) || isEventGroup(tags);
}

describe('event cleanup and the platform', () => {
  it('the selector does match an event (so the checks below can fail)', () => {
    const event = resolveEvent({ name: 'Conf 2026' }, { env: {}, platform: null });
    expect(cleanupMatches(eventTags(event))).toBe(true);
  });

  it('never matches the platform tags, whatever extra tags a crew adds', () => {
    const extras: Record<string, string>[] = [
      {},
      { purpose: 'streaming' },
      { owner: 'av' },
      { event: 'conf-2026', environment: 'production' },
    ];
    for (const extraTags of extras) {
      const tags = platformTags({ environment: 'production', extraTags });
      expect(cleanupMatches(tags)).toBe(false);
      expect(tags.purpose).toBe(PLATFORM_PURPOSE);
      expect(tags).not.toHaveProperty('auto_cleanup');
    }
  });

  it('never matches any synthesized platform resource, even one tagged purpose=streaming by hand', () => {
    const { doc } = synthPlatform({}, { extraTags: { purpose: 'streaming' } });
    const tagSets = Object.values(doc.resource)
      .flatMap((byName) => Object.values(byName))
      .map((r) => (r as { tags?: Record<string, string> }).tags)
      .filter((t): t is Record<string, string> => t !== undefined);
    expect(tagSets.length).toBeGreaterThan(0);
    expect(tagSets.filter(cleanupMatches)).toEqual([]);
  });

  it('keeps the platform resource group name outside every event group name', () => {
    for (const env of ['production', 'staging', 'development']) {
      const platformGroup = new PlatformNames(env, 'abc123').resourceGroup;
      // An event literally named "platform" must still get a different group.
      expect(new EventNames('platform', env).resourceGroup).not.toBe(platformGroup);
      expect(platformGroup.startsWith('rg-streaming-')).toBe(false);
      expect(new EventNames('x-conf', env).resourceGroup.startsWith('rg-streaming-')).toBe(true);
    }
  });
});

describe('PlatformNames', () => {
  const names = new PlatformNames('production', 'abc123');

  it('keeps the storage account name inside 24 lowercase letters and digits', () => {
    expect(names.stateStorageAccount).toBe('ststreamtfprodabc123');
    for (const env of ['staging', 'development', 'averyveryverylongenvironment']) {
      expect(new PlatformNames(env, 'abcd1234').stateStorageAccount).toMatch(/^[a-z0-9]{3,24}$/);
    }
  });

  it('derives registry, identity, gallery and image names from environment and suffix', () => {
    expect(names.containerRegistry).toBe('crstreamprodabc123');
    expect(names.pullIdentity).toBe('id-acrpull-production');
    expect(names.gallery).toBe('gal_stream_production');
    expect(names.mixerImage).toBe('img-mixer-win2022-obs');
    expect(names.stack).toBe('platform-production');
  });

  it('fails if the suffix is not 4-8 lowercase letters and digits', () => {
    expect(() => new PlatformNames('production', 'AB-1')).toThrow(
      /platform nameSuffix "AB-1" for production must be 4-8 lowercase letters and digits/,
    );
  });
});
