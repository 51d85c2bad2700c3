// ESLint (flat config): the recommended JavaScript and typescript-eslint rules over the sources, the tests and
// the scripts. `npm run lint`; CI runs it. dist/ is generated and not linted.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import layers from './eslint/layers.js';

export default tseslint.config(
  { ignores: ['dist/', 'src/config/generated/', 'node_modules/', '.bench/', '.coverage-build/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', performance: 'readonly' }
    },
    rules: {
      // The readers and renderers match control characters on purpose: to reject or escape them.
      'no-control-regex': 'off',
      // Unused names are errors, except the `_`-prefixed ones that document an ignored parameter.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }]
    }
  },
  {
    // The layers of src/ (eslint/layers.js): imports only go down, and no module imports itself round a cycle.
    files: ['src/**/*.ts'],
    plugins: { layers },
    rules: { 'layers/imports-go-down': 'error', 'layers/no-cycle': 'error' }
  }
);
