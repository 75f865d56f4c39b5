import { defineConfig, mergeConfig } from 'vitest/config'
import viteConfig from './vite.config.ts'

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'happy-dom',
      include: ['tests/**/*.spec.ts', 'src/**/*.spec.ts'],
      exclude: ['e2e/**', 'node_modules/**'],
    },
  }),
)
