import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { mutuaModules } from './vite-plugin-mutua-modules.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');

export default defineConfig({
  root: here,
  plugins: [mutuaModules(repoRoot), react()],
  resolve: {
    conditions: ['@mutua/source'],
    dedupe: ['react', 'react-dom', '@mui/material', '@emotion/react', '@tanstack/react-query', 'react-i18next'],
  },
  build: {
    outDir: path.join(here, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    fs: { allow: [repoRoot] },
    proxy: {
      '/api': 'http://localhost:8080',
      '/health': 'http://localhost:8080',
    },
  },
  test: {
    environment: 'jsdom',
    dir: repoRoot,
    include: [
      'packages/web-kernel/src/**/*.test.{ts,tsx}',
      'apps/web/src/**/*.test.{ts,tsx}',
      'modules/*/src/web/**/*.test.{ts,tsx}',
    ],
    setupFiles: [path.join(here, 'src/test-setup.ts')],
  },
});
