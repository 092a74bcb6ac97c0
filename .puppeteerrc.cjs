// Chromium comes from apt (/usr/bin/chromium): puppeteer must never download a browser.
module.exports = { skipDownload: true };
