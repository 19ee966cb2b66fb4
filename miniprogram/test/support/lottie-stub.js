// lottie touches <canvas> when imported; no component under test animates.
module.exports = { __esModule: true, default: () => null };
