// Mantine's PostCSS preset: rem/em functions and light/dark mixins in our CSS modules.
module.exports = {
  plugins: {
    'postcss-preset-mantine': {},
  },
}
