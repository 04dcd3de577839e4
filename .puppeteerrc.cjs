// whatsapp-web.js pulls in puppeteer: never download a browser, use Debian's Chromium.
module.exports = {
  skipDownload: true,
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
};
