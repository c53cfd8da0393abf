// Mantine's PostCSS preset: its mixins and rem/em helpers in CSS modules.
module.exports = { plugins: { 'postcss-preset-mantine': {} } };
