// One lint setup for every package: typescript-eslint recommended, React hooks rules for the web client.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['packages/web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  // Module walls (web): a feature module's files import only from their own module, components/, api/ and
  // app/; what several modules share lives in components/ or app/, and app/ composes pages from several
  // modules (app/pages/). components/ and api/ never import a module; api/ does not import app/ either.
  {
    files: ['packages/web/src/modules/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(?!\\.\\./)|(^|/)modules/',
              message:
                'A module imports only from itself, components/, api/ and app/: move what is shared to components/ (or app/), and compose pages from several modules in app/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/web/src/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)modules/',
              message: 'components/ is below the feature modules: it never imports one.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/web/src/api/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)(modules|app)/',
              message:
                'api/ is below the feature modules and app/: hooks take what they need (e.g. an `enabled` flag) from their callers.',
            },
          ],
        },
      ],
    },
  },
);
