import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The whole provider costs seconds and a gigabyte: deep paths only.
const providerBarrel = {
  name: '@cdktf/provider-azurerm',
  message: 'Import from @cdktf/provider-azurerm/lib/<resource> instead.',
};

/** no-restricted-imports with the provider rule plus a folder's own boundaries. */
const boundaries = (patterns) => ['error', { paths: [providerBarrel], patterns }];

// Floors (help/architecture.md): lib/ is the ground floor; the engine is the one door, and
// the two front ends (the CLI in scripts/, the dashboard) go through its public index only.
const FRONT_END_PATTERNS = [
  {
    regex: '(^|/)engine/.+',
    message: "Front ends import the engine's public index only: '../engine'.",
  },
  {
    regex: '^(\\.\\./)+(lib|stacks|constructs|policy|platform|containers|tools)(/|$)',
    message: "Front ends reach everything through the engine's public index ('../engine').",
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'cdktf.out/**',
      'generated/**',
      'dist/**',
      'bench/naive/**',
      'test-artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
      },
    },
    rules: {
      'no-restricted-imports': boundaries([]),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The ground floor: config and data files, and nothing above it.
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-imports': boundaries([
        {
          regex: '^\\.\\./(?!(config|data)/[^/]+\\.json$)',
          message: 'lib/ is the ground floor: it imports nothing above it.',
        },
      ]),
    },
  },
  {
    // The images stand on lib/ (the media contract) and nothing else of the project.
    files: ['containers/**/*.ts'],
    rules: {
      'no-restricted-imports': boundaries([
        {
          regex:
            '^(\\.\\./)+(engine|stacks|constructs|policy|scripts|dashboard|platform|tools)(/|$)',
          message: 'containers/ share lib/ with the stack, and nothing else.',
        },
      ]),
    },
  },
  {
    files: ['engine/**/*.ts'],
    rules: {
      'no-restricted-imports': boundaries([
        {
          regex: '^(\\.\\./)+(stacks|constructs|policy|scripts|dashboard|containers|tools)(/|$)',
          message:
            'The engine stands on lib/ and runs the app as a child; it imports no other floor.',
        },
      ]),
    },
  },
  {
    files: ['scripts/**/*.ts'],
    rules: {
      'no-restricted-imports': boundaries([
        ...FRONT_END_PATTERNS,
        { regex: '^(\\.\\./)+dashboard(/|$)', message: 'The CLI never imports the dashboard.' },
      ]),
    },
  },
  {
    files: ['dashboard/**/*.ts'],
    rules: {
      'no-restricted-imports': boundaries([
        ...FRONT_END_PATTERNS,
        { regex: '^(\\.\\./)+scripts(/|$)', message: 'The dashboard never imports the CLI.' },
      ]),
    },
  },
  {
    // Tests read synthesized Terraform JSON, whose shape is the provider's, not ours.
    files: ['__tests__/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
