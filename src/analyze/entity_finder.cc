#include "analyze/entity_finder.h"

namespace eventmill::analyze {

void EntityFinder::Find(Document& doc) const {}

}  // namespace eventmill::analyze
