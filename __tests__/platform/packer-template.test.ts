import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { imageVersionFor, packerBuildArgs } from '../../engine/platform/build-image';

const DIR = path.join(__dirname, '..', '..', 'platform', 'packer');
const TEMPLATE = path.join(DIR, 'mixer.pkr.hcl');
const text = fs.readFileSync(TEMPLATE, 'utf8');

type Blocks<T> = Record<string, T[]>;
interface Template {
  variable: Blocks<{ default?: unknown; type: string }>;
  source: Record<string, Blocks<Record<string, unknown>>>;
  build: { sources: string[]; provisioner: Blocks<Record<string, unknown>> }[];
}

let template: Template;
beforeAll(async () => {
  template = (await parse('mixer.pkr.hcl', text)) as Template;
});

const SUB = '00000000-0000-0000-0000-000000000000';
const IMAGE_ID = `/subscriptions/${SUB}/resourceGroups/rg-platform-streaming-production/providers/Microsoft.Compute/galleries/gal_stream_production/images/img-mixer-win2022-obs`;

describe('mixer image template (platform/packer/mixer.pkr.hcl)', () => {
  const source = () => template.source['azure-arm'].mixer[0];

  it('builds from Windows Server 2022 gen 2, the SKU event mixers use from the marketplace', () => {
    expect(source()).toMatchObject({
      os_type: 'Windows',
      image_publisher: 'MicrosoftWindowsServer',
      image_offer: 'WindowsServer',
      image_sku: '${var.image_sku}',
    });
    expect(template.variable.image_sku[0].default).toBe('2022-datacenter-azure-edition');
    const mixer = fs.readFileSync(
      path.join(__dirname, '..', '..', 'constructs', 'language-mixer.ts'),
      'utf8',
    );
    expect(mixer).toContain(`sku: '2022-datacenter-azure-edition'`);
  });

  it('publishes into the platform gallery only (no managed image left behind)', () => {
    expect(source().shared_image_gallery_destination).toEqual([
      {
        subscription: '${var.subscription_id}',
        resource_group: '${var.resource_group}',
        gallery_name: '${var.gallery_name}',
        image_name: '${var.image_name}',
        image_version: '${var.image_version}',
        replication_regions: ['${var.location}'],
      },
    ]);
    expect(source()).not.toHaveProperty('managed_image_name');
  });

  it('uses the operator Azure CLI login and builds inside the platform resource group', () => {
    expect(source()).toMatchObject({
      use_azure_cli_auth: true,
      build_resource_group_name: '${var.resource_group}',
      communicator: 'winrm',
      winrm_use_ssl: true,
    });
    expect(source()).not.toHaveProperty('client_secret');
  });

  it('installs OBS, restarts, verifies, then generalizes, in that order', () => {
    const order = [
      ...text.matchAll(
        /provisioner "([^"]+)"[\s\S]*?(?:script\s*=\s*"[^"]*\/([\w-]+\.ps1)"|\n {2}\})/g,
      ),
    ].map((m) => m[2] ?? m[1]);
    expect(order).toEqual([
      'file',
      'install-obs.ps1',
      'windows-restart',
      'verify-obs.ps1',
      'generalize.ps1',
    ]);
    const install = template.build[0].provisioner.powershell[0];
    expect(install.environment_vars).toEqual(
      expect.arrayContaining(['OBS_VERSION=${var.obs_version}']),
    );
  });

  it('ships every file it references', () => {
    for (const script of ['install-obs.ps1', 'verify-obs.ps1', 'generalize.ps1']) {
      expect(fs.existsSync(path.join(DIR, 'scripts', script))).toBe(true);
    }
    for (const file of ['global.ini', 'basic/profiles/stream-control/basic.ini']) {
      expect(fs.existsSync(path.join(DIR, 'obs-baseline', file))).toBe(true);
    }
  });

  it('generalizes with Sysprep in VM mode and waits for the reseal state', () => {
    const script = fs.readFileSync(path.join(DIR, 'scripts', 'generalize.ps1'), 'utf8');
    expect(script).toMatch(/Sysprep\.exe" \/oobe \/generalize \/quiet \/quit \/mode:vm/);
    expect(script).toContain('IMAGE_STATE_GENERALIZE_RESEAL_TO_OOBE');
  });

  it('pins the azure plugin in its own file', async () => {
    const plugins = (await parse(
      'plugins.pkr.hcl',
      fs.readFileSync(path.join(DIR, 'plugins.pkr.hcl'), 'utf8'),
    )) as {
      packer: { required_plugins: { azure: { source: string; version: string } }[] }[];
    };
    expect(plugins.packer[0].required_plugins[0].azure.source).toBe('github.com/hashicorp/azure');
  });

  it('gets a value for every variable without a default from build-image', () => {
    const required = Object.entries(template.variable)
      .filter(([, [v]]) => !('default' in v))
      .map(([name]) => name)
      .sort();
    const args = packerBuildArgs(IMAGE_ID, '1.20261125.930', 'westeurope');
    const given = args.filter((_, i) => args[i - 1] === '-var').map((a) => a.split('=')[0]);
    expect(required.every((name) => given.includes(name))).toBe(true);
    expect(given.every((name) => name in template.variable)).toBe(true);
  });
});

describe('build-image arguments', () => {
  it('take subscription, group, gallery and image from the image definition id', () => {
    expect(packerBuildArgs(IMAGE_ID, '1.2.3', 'westeurope')).toEqual([
      'build',
      '-var',
      `subscription_id=${SUB}`,
      '-var',
      'resource_group=rg-platform-streaming-production',
      '-var',
      'gallery_name=gal_stream_production',
      '-var',
      'image_name=img-mixer-win2022-obs',
      '-var',
      'image_version=1.2.3',
      '-var',
      'location=westeurope',
      '.',
    ]);
  });

  it('fail for an id that is not a gallery image definition', () => {
    expect(() => packerBuildArgs(`${IMAGE_ID}/versions/1.0.0`, '1.2.3', 'westeurope')).toThrow(
      /is not a gallery image definition id/,
    );
  });

  it('version images 1.<yyyymmdd>.<hhmm> in UTC so a later build sorts higher', () => {
    expect(imageVersionFor(new Date('2026-11-25T09:30:00Z'))).toBe('1.20261125.930');
    expect(imageVersionFor(new Date('2026-11-25T00:05:00Z'))).toBe('1.20261125.5');
  });
});

// Debian ships Packer 1.6, which predates plugin blocks and gallery-only output; it still
// checks HCL syntax and canonical formatting of the build file with the real parser.
// .ci/run installs it, so in CI a missing packer fails these tests instead of skipping them.
const havePacker = spawnSync('packer', ['version']).status === 0;
(havePacker || process.env.CI ? describe : describe.skip)('packer (Debian package)', () => {
  it('finds the template canonically formatted', () => {
    expect(() => execFileSync('packer', ['fmt', '-check', '.'], { cwd: DIR })).not.toThrow();
  });

  it('accepts the build file syntax', () => {
    const out = execFileSync('packer', ['validate', '-syntax-only', 'mixer.pkr.hcl'], { cwd: DIR });
    expect(out.toString()).toContain('Syntax-only check passed');
  });
});
