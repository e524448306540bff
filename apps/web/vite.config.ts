import { defineConfig } from 'vite'
import solid from 'vite-plugin-solid'

/** Where `pnpm hub start` listens; override with HUB_API_URL when it runs elsewhere. */
const api = process.env.HUB_API_URL ?? 'http://localhost:3000'

export default defineConfig({
  plugins: [solid()],
  build: {
    target: 'es2022',
    // The server's CSP allows no inline scripts or styles, so nothing may be inlined as data: or <style>.
    assetsInlineLimit: 0,
    // Each page chunk brings its own stylesheet; styles.css (the shell and shared components) stays in the entry.
    cssCodeSplit: true,
    manifest: true,
  },
  server: {
    proxy: {
      '/trpc': { target: api, changeOrigin: false },
      '/healthz': { target: api, changeOrigin: false },
    },
  },
})
