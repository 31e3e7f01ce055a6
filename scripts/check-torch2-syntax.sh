#!/usr/bin/env bash
# Syntax-checks every source file that uses torch against LibTorch 2.x headers, so the 2.x
# code paths (SDPA, CUDA users' builds) compile although this machine has LibTorch 1.13.
# Files are found from the tree: those including torch/ATen/c10 headers, plus those that
# include a project header that does (transitively), so new files are covered.
# Usage: check-torch2-syntax.sh HEADERS [BUILD_DIR]
#   HEADERS: the folder fetch-libtorch2-headers.sh filled (or its usr/include);
#   BUILD_DIR: a configured build folder (for generated headers such as sa3/version.h).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
inc=${1:?usage: $0 HEADERS [BUILD_DIR]}
build=${2:-}
[ -d "$inc/usr/include/torch" ] && inc=$inc/usr/include
[ -f "$inc/torch/csrc/api/include/torch/version.h" ] || { echo "$inc: no LibTorch headers" >&2; exit 2; }
grep -q 'TORCH_VERSION_MAJOR 2' "$inc/torch/csrc/api/include/torch/version.h" ||
  { echo "$inc: not LibTorch 2.x headers" >&2; exit 2; }
cd "$root"
dirs=(core app ui tests bench)

# Closure over project headers that (directly or through another header) include torch.
mapfile -t users < <(grep -rlE '^\s*#\s*include\s*<(torch|ATen|c10)/' "${dirs[@]}" \
  --include='*.h' --include='*.cpp' 2>/dev/null | sort -u)
declare -A seen=()
for f in "${users[@]}"; do seen[$f]=1; done
frontier=("${users[@]}")
while ((${#frontier[@]})); do
  next=()
  for f in "${frontier[@]}"; do
    [[ $f == *.h ]] || continue
    # Headers are included by their path relative to some include root; match the tail.
    base=$(basename "$f")
    while IFS= read -r g; do
      [ -n "$g" ] && [ -z "${seen[$g]:-}" ] || continue
      seen[$g]=1
      next+=("$g")
    done < <(grep -rlE "^\s*#\s*include\s*\"([^\"]*/)?$base\"" "${dirs[@]}" \
      --include='*.h' --include='*.cpp' 2>/dev/null)
  done
  frontier=("${next[@]}")
done
mapfile -t sources < <(printf '%s\n' "${!seen[@]}" | grep '\.cpp$' | sort)
((${#sources[@]})) || { echo "no torch sources found" >&2; exit 1; }

flags=(-std=c++20 -D_GLIBCXX_USE_CXX11_ABI=1 -I "$inc" -I "$inc/torch/csrc/api/include"
  -I core -I core/include -I tests/support -I tests/core/model -I tests/core/net)
[ -n "$build" ] && flags+=(-I "$build/generated")
# Qt-free by rule, but tests may use gtest and nlohmann from the system include path.
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
# The shared torch PCH, rebuilt against 2.x, so each file costs seconds instead of ~20 s.
echo "#include \"$root/core/pch_torch.h\"" >"$work/pch_torch.h"
g++ "${flags[@]}" -x c++-header "$work/pch_torch.h" -o "$work/pch_torch.h.gch"
export work
printf '%s\n' "${sources[@]}" |
  xargs -P "$(nproc)" -I{} sh -c 'g++ "$@" -include "$work/pch_torch.h" -fsyntax-only {} 2>"$work/$(echo {} | tr / _).log" || { echo "FAILED {}"; cat "$work/$(echo {} | tr / _).log"; exit 1; }' _ "${flags[@]}" &&
  echo "LibTorch 2.x syntax check passed: ${#sources[@]} files" ||
  { echo "LibTorch 2.x syntax check failed" >&2; exit 1; }
