// Flat config: typescript-eslint's recommended rules on the sources and tests.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // test/independent-sim, -2, -3, -4 and -5: black-box checks written outside the project's conventions, kept as
  // they were written so that their draws (and the figures in their READMEs) stay reproducible.
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench-data/**', 'sim-out/**', 'test/independent-sim/**', 'test/independent-sim-2/**', 'test/independent-sim-3/**', 'test/independent-sim-4/**', 'test/independent-sim-5/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  { files: ['bin/**/*.js', 'eslint.config.js'], languageOptions: { globals: { process: 'readonly', console: 'readonly' } } },
);
