import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** Imports that would break a layer's promise (see ARCHITECTURE.md, "Processes and layout"). */
const electron = { name: 'electron', message: 'Only src/main/shell, src/main/index.ts and src/preload may import electron.' }
const nodeBuiltins = {
  group: ['node:*'],
  message: 'The renderer runs in a sandboxed browser page: no Node built-ins.'
}
const nativeModules = ['better-sqlite3', 'keytar', 'electron-store'].map((name) => ({
  name,
  message: 'Native and main-process modules stay in src/main.'
}))
const ipcOutsideRouter = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'IPC goes through src/main/shell/ipc-router.ts and src/preload/index.ts only.'
}

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'coverage/**', '.ci/**', 'bench/.results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }
      ]
    }
  },
  {
    files: ['src/main/core/**', 'src/main/cli/**', 'src/main/web/**', 'src/shared/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [electron] }] }
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electron, ...nativeModules], patterns: [nodeBuiltins] }]
    }
  },
  {
    files: ['src/main/shell/**', 'src/main/index.ts'],
    ignores: ['src/main/shell/ipc-router.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [ipcOutsideRouter] }] }
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: [electron, ...nativeModules], patterns: [nodeBuiltins] }]
    }
  },
  {
    // Config files are the one place tools require a default export.
    files: ['*.config.ts', '*.config.js'],
    rules: { 'no-restricted-syntax': 'off' }
  }
)
