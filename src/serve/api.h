// The JSON API of eventmill serve (docs/api.md) as plain functions of a Store and a request's path
// and parameters, so it is tested without sockets. Errors become {"error": "..."} with the status
// code of their StatusCode (InvalidInput 400, NotFound 404, LimitExceeded 413, Unavailable 503,
// else 500).
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "eventmill/status.h"
#include "eventmill/store.h"

namespace eventmill::serve {

using Params = std::multimap<std::string, std::string>;

struct ApiAnswer {
  int status = 200;
  std::string body;  // JSON
};

// The HTTP status of an error's code.
int HttpStatusOf(StatusCode code);
// {"error": message} with the status of `status`'s code.
ApiAnswer ErrorAnswer(const Status& status);

// Answers GET `path` (starting with "/api/") with `params` (decoded query parameters).
ApiAnswer AnswerApi(Store& store, std::string_view path, const Params& params);

// The event filters of /api/events, /api/aggregates and /api/figures (docs/api.md, "Event filters")
// read from `params`; `extra` names further parameters the endpoint accepts (read by the caller).
// An unknown or repeated parameter, or a bad value, is kInvalidInput naming it.
Result<EventQuery> EventQueryOf(const Params& params, std::initializer_list<std::string_view> extra);

}  // namespace eventmill::serve
