// bwip-js chooses its build by the "browser" / "node" export conditions, which TypeScript's
// bundler resolution does not use, so `import 'bwip-js'` finds no types by itself. Its own
// declarations (every build has the same toSVG API) are re-exported here.
declare module 'bwip-js' {
  import BwipJs = require('bwip-js/browser');
  export = BwipJs;
}
