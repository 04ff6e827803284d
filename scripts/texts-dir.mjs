// Reads `cargo build --message-format=json` on stdin and prints the folder in which the
// conscription-check build script wrote the texts files (OUT_DIR/texts), for build-pkg.sh.
let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (d) => (input += d));
process.stdin.on("end", () => {
  let dir = null;
  for (const line of input.split("\n")) {
    if (!line.startsWith("{")) continue;
    const m = JSON.parse(line);
    if (m.reason === "build-script-executed" && /#conscription-check@/.test(m.package_id)) dir = m.out_dir;
  }
  if (!dir) {
    console.error("texts-dir: cargo reported no build script output for conscription-check");
    process.exit(1);
  }
  console.log(`${dir}/texts`);
});
