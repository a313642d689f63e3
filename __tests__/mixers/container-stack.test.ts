import { ENV } from '../../lib/contract';
import { resourcesOf, synthEventStack, testEvent } from '../infra/helpers';

describe('EventStack with "mixer": "container"', () => {
  const { doc } = synthEventStack({ mixer: 'container', layout: 'side-by-side' });
  const groups = resourcesOf(doc, 'azurerm_container_group');
  const mixers = groups.filter((g) => g.container[0].name === 'language-mixer');
  const relay = groups.find((g) => g.container[0].name === 'srt-relay');

  it('gives each language a container mixer and no Windows VM', () => {
    expect(
      mixers.map((g) => g.container[0].environment_variables[ENV.mixerLanguage]).sort(),
    ).toEqual(['french', 'original', 'spanish']);
    expect(resourcesOf(doc, 'azurerm_windows_virtual_machine')).toHaveLength(0);
    expect(mixers[0].container[0].image).toMatch(/\/language-mixer:[^/]+$/);
    const spanish = mixers.find((g) => g.name.includes('spanish')).container[0];
    expect(spanish.environment_variables[ENV.mixerLayout]).toBe('side-by-side');
    expect(spanish.environment_variables[ENV.streamKeySecret]).toBe('youtube-key-spanish');
    expect(spanish.environment_variables[ENV.statusTokenSecret]).toBe('status-token');
    expect(spanish.secure_environment_variables).toBeUndefined();
  });

  it('has the relay push to each mixer by its FQDN, in language order', () => {
    const targets: string = relay.container[0].environment_variables[ENV.outputTargets];
    const ids = Object.keys(doc.resource.azurerm_container_group);
    const fqdns = ['original', 'spanish', 'french'].map(
      (l) =>
        `\${azurerm_container_group.${ids.find((id) => id.includes(`mixer-${l}`))}.fqdn}:10001`,
    );
    expect(targets.split(',')).toEqual(fqdns);
  });

  it('lists each mixer with its status URL in the mixers output', () => {
    const value = doc.output.mixers.value as { status_url?: string; language: string }[];
    expect(value.map((m) => m.language)).toEqual(['original', 'spanish', 'french']);
    expect(value[0].status_url).toMatch(
      /^http:\/\/\$\{azurerm_container_group\..*\.fqdn\}:8080\/status$/,
    );
  });

  it('fails if the mixer kind or the layout is unknown, naming both', () => {
    expect(() => testEvent({ mixer: 'vmix', layout: 'grid' })).toThrow(
      /mixer "vmix" must be one of container, obs\nlayout "grid" must be one of inset, side-by-side/,
    );
  });
});
