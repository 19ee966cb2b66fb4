// NutUI's default theme embeds a 16 KB base64 font (JDZH-Regular) for its Price
// component, which this app never uses. In the WeChat build that font would sit in
// the main package's app.wxss; this pre-loader drops the @font-face rule from the
// theme file only, before any other CSS loader sees it.
module.exports = function stripPriceFont(source) {
  return source.replace(/@font-face\s*\{[^}]*font-family:\s*['"]?JDZH-Regular['"]?[^}]*\}/g, '');
};
