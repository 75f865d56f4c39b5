import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import AutoImport from 'unplugin-auto-import/vite'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import { fileURLToPath, URL } from 'node:url'

const CHARTING = /node_modules[\\/](echarts|zrender|vue-echarts)[\\/]/
// Unit tests render no styles, and Node cannot import the widgets' .css files.
const elementPlus = ElementPlusResolver({ importStyle: process.env.VITEST ? false : 'css' })

export default defineConfig({
  base: '/',
  plugins: [
    vue(),
    // Element Plus on demand: each el-* tag (and v-loading) in a template, and ElMessage or
    // ElMessageBox where a script calls them, is imported with its own styles, so a page loads
    // only the widgets it shows. ESLint refuses value imports from 'element-plus', which would
    // bring a widget without its styles.
    AutoImport({ resolvers: [elementPlus], dts: 'src/auto-imports.d.ts' }),
    // dirs: [] — our own components stay explicitly imported. dts: false — templates stay
    // untyped for el-* tags, as they were with the global registration (typing them is a step
    // of its own: the table slots' rows then need annotations).
    Components({ resolvers: [elementPlus], dirs: [], dts: false }),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: {
      '/api': { target: 'http://localhost:8080', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    // Keep dist/.gitkeep: the Go embed needs it (scripts/clean-dist.mjs removes old assets).
    emptyOutDir: false,
    // The charting library is one ~580 kB chunk, fetched only by the pages with charts.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // Chunks are split by route and by what they share (no manual groups: a group drags its
        // dependencies along, and the entry then preloads it). A chunk holding the charting
        // library is named for it, which is how e2e/transfer.spec.ts sees the login page never
        // fetches it.
        chunkFileNames: (chunk) => (chunk.moduleIds.some((id) => CHARTING.test(id)) ? 'assets/echarts-[hash].js' : 'assets/[name]-[hash].js'),
      },
    },
  },
})
