import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

// The web app is served by the API server in production (dist/web); in development Vite serves it
// and forwards /api to the server so cookies stay same-origin.
export default defineConfig({
  root: '.',
  plugins: [react()],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
})
