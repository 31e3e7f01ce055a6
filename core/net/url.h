// SPDX-License-Identifier: GPL-3.0-or-later
// URL helpers on top of libcurl's URL API: host identity for the credential policy, resolving
// redirect targets, and appending a path segment to a signed URL without touching its query.
// Errors: throw sa3::Error (InvalidInput) naming the URL.
#pragma once

#include <string>
#include <string_view>

namespace sa3::net {

struct UrlParts {
  std::string scheme;  // lower case
  std::string host;    // lower case
  int port = 0;        // explicit or the scheme's default
};

UrlParts parse_url(std::string_view url);
// "host:port" with the default port filled in; compares equal for equivalent spellings.
std::string host_key(std::string_view url);
// Normalises "host" or "host:port" (default port taken from `scheme`) to host_key's form.
std::string host_key_of(std::string_view host_or_host_port, std::string_view scheme);
bool is_loopback_host(std::string_view host);
// `location` (absolute or relative, from a Location header) resolved against `base`.
std::string resolve_url(std::string_view base, std::string_view location);
// scheme://host/path + "/" + segment + ?query (fal multipart part and complete URLs).
std::string append_path_segment(std::string_view url, std::string_view segment);
// Percent-encodes a query parameter value.
std::string url_encode(std::string_view text);

}  // namespace sa3::net
