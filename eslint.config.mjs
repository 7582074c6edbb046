// ESLint (typescript-eslint) for the project. The project type-checks with TypeScript 7, whose package
// has no compiler API; typescript-eslint parses with TypeScript 5.9, installed as
// `typescript-for-eslint` and handed to it here by name.
import Module from 'node:module';
import js from '@eslint/js';

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, request === 'typescript' ? 'typescript-for-eslint' : request, ...rest);
};
const { default: tseslint } = await import('typescript-eslint');

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'out/**',
      'node_modules/**',
      '.editor-test/**',
      '.cache/**',
      'src/core/ner/model-data.ts',
      'src/core/topics/idf-default.ts',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,mjs,js,cjs}'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      // The limits the code is written to (see ARCHITECTURE.md): small functions, few parameters.
      'max-params': ['error', 5],
      'max-lines-per-function': ['error', { max: 100, skipBlankLines: true, skipComments: true }],
      'max-len': ['error', { code: 140, ignoreUrls: false, ignoreRegExpLiterals: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
      'no-constant-condition': ['error', { checkLoops: false }],
      'no-control-regex': 'off',
      'no-misleading-character-class': 'off',
      eqeqeq: ['error', 'always'],
      'prefer-const': 'error',
    },
  },
  {
    // The core stays pure: no editor, no Node built-ins (also checked by test/unit/boundary.test.ts).
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['vscode', 'node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads'],
              message: 'src/core is pure: no vscode, no Node built-ins.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.{ts,mjs}', 'scripts/**/*.{ts,mjs}', 'bench/**/*.ts'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        __filename: 'readonly',
        require: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
    rules: { 'max-lines-per-function': 'off' },
  },
  {
    files: ['**/*.{mjs,js,cjs}'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        performance: 'readonly',
        structuredClone: 'readonly',
        document: 'readonly',
        window: 'readonly',
        getComputedStyle: 'readonly',
        fetch: 'readonly',
        location: 'readonly',
        NodeFilter: 'readonly',
      },
    },
  },
);
