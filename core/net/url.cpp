// SPDX-License-Identifier: GPL-3.0-or-later
// URL helpers via libcurl's CURLU parser, so we agree with the transfer code on every URL.
#include "net/url.h"

#include <curl/curl.h>

#include <algorithm>
#include <memory>

#include "sa3/error.h"

namespace sa3::net {
namespace {

struct UrlDeleter {
  void operator()(CURLU* u) const { curl_url_cleanup(u); }
};
using UrlHandle = std::unique_ptr<CURLU, UrlDeleter>;

UrlHandle parse_handle(std::string_view url) {
  UrlHandle h(curl_url());
  if (!h) throw_environment("out of memory parsing a URL");
  const std::string text(url);
  if (curl_url_set(h.get(), CURLUPART_URL, text.c_str(), 0) != CURLUE_OK)
    throw_invalid("'" + text + "' is not a valid URL");
  return h;
}

std::string get_part(CURLU* h, CURLUPart part, unsigned flags = 0) {
  char* value = nullptr;
  if (curl_url_get(h, part, &value, flags) != CURLUE_OK || !value) return {};
  std::string out(value);
  curl_free(value);
  return out;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

}  // namespace

UrlParts parse_url(std::string_view url) {
  UrlHandle h = parse_handle(url);
  UrlParts parts;
  parts.scheme = lower(get_part(h.get(), CURLUPART_SCHEME));
  parts.host = lower(get_part(h.get(), CURLUPART_HOST));
  const std::string port = get_part(h.get(), CURLUPART_PORT, CURLU_DEFAULT_PORT);
  parts.port = port.empty() ? 0 : std::stoi(port);
  if (parts.host.empty()) throw_invalid("'" + std::string(url) + "' has no host");
  return parts;
}

std::string host_key(std::string_view url) {
  const UrlParts p = parse_url(url);
  return p.host + ":" + std::to_string(p.port);
}

std::string host_key_of(std::string_view host_or_host_port, std::string_view scheme) {
  return host_key(std::string(scheme) + "://" + std::string(host_or_host_port) + "/");
}

bool is_loopback_host(std::string_view host) {
  return host == "127.0.0.1" || host == "localhost" || host == "[::1]" || host == "::1";
}

std::string resolve_url(std::string_view base, std::string_view location) {
  UrlHandle h = parse_handle(base);
  const std::string loc(location);
  // CURLU resolves a relative URL against the one already set, as a browser would.
  if (curl_url_set(h.get(), CURLUPART_URL, loc.c_str(), 0) != CURLUE_OK)
    throw_invalid("redirect to an invalid location '" + loc + "' from " + std::string(base));
  return get_part(h.get(), CURLUPART_URL);
}

std::string append_path_segment(std::string_view url, std::string_view segment) {
  UrlHandle h = parse_handle(url);
  std::string path = get_part(h.get(), CURLUPART_PATH);
  if (path.empty() || path.back() != '/') path += '/';
  path += segment;
  if (curl_url_set(h.get(), CURLUPART_PATH, path.c_str(), 0) != CURLUE_OK)
    throw_invalid("cannot append '" + std::string(segment) + "' to " + std::string(url));
  return get_part(h.get(), CURLUPART_URL);
}

std::string url_encode(std::string_view text) {
  char* escaped = curl_easy_escape(nullptr, text.data(), static_cast<int>(text.size()));
  if (!escaped) throw_environment("out of memory encoding a URL");
  std::string out(escaped);
  curl_free(escaped);
  return out;
}

}  // namespace sa3::net
