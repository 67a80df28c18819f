import { createHash } from 'node:crypto'
import fs from 'node:fs'
import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import AutoImport from 'unplugin-auto-import/vite'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

/**
 * Writes /sw.js into the build from sw-template.js: the build's version (a hash of its file names, which carry the
 * hashes of their contents) and the app shell to keep for starting offline: index.html, every built file, and the
 * files of public/ (icons, manifest).
 */
function serviceWorker() {
  const publicFiles = (dir, prefix = '') =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? publicFiles(`${dir}/${entry.name}`, `${prefix}${entry.name}/`) : [`/${prefix}${entry.name}`],
    )
  return {
    name: 'gridgov-service-worker',
    apply: 'build',
    // After every other plugin has settled the bundle (chunks holding only CSS are dropped late).
    writeBundle(options, bundle) {
      const built = Object.keys(bundle).map((name) => `/${name}`)
      const shell = [...new Set(['/index.html', ...built, ...publicFiles(fileURLToPath(new URL('./public', import.meta.url)))])].sort()
      const version = createHash('sha256').update(shell.join('\n')).digest('hex').slice(0, 12)
      const template = fs.readFileSync(fileURLToPath(new URL('./sw-template.js', import.meta.url)), 'utf8')
      const source = template.replace('__VERSION__', version).replace('__SHELL__', JSON.stringify(shell, null, 2))
      fs.writeFileSync(`${options.dir}/sw.js`, source)
    },
  }
}

// Element Plus is imported on demand: components used in templates and
// functions such as ElMessage are resolved (with their CSS) per use.
export default defineConfig({
  plugins: [
    vue(),
    AutoImport({ resolvers: [ElementPlusResolver()], dts: false }),
    Components({ resolvers: [ElementPlusResolver()], dts: false }),
    serviceWorker(),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  build: {
    outDir: '../target/classes/static',
    emptyOutDir: true,
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
    },
  },
})
