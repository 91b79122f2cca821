#include "syntax/dependency_parser.h"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <random>

#include "syntax/serial.h"

namespace eventmill::syntax {

namespace {

constexpr uint64_t kNoWord = 0x2545f4914f6cdd1dULL;
constexpr uint64_t kRootWord = 0x9e3779b97f4a7c13ULL;
constexpr uint64_t kNoTag = 255, kRootTag = 254, kNoLabel = 255;
constexpr uint64_t kNoCluster = 0xffff, kRootCluster = 0xfffe;
constexpr int kMaxFeatures = 96;
constexpr int kShift = 0, kReduce = 1;

// Arc-eager configuration. Words are 0..n-1; n is the root token, the last in the buffer.
class State {
 public:
  State(const ParserInput& in, int num_labels) : in_(&in), n_(int(in.words.size())), num_labels_(num_labels) {
    heads.assign(n_ + 1, -1);
    labels.assign(n_ + 1, -1);
    left1.assign(n_ + 1, -1), left2 = left1, right1 = left1, right2 = left1;
    nleft.assign(n_ + 1, 0), nright = nleft;
    lset.assign(n_ + 1, 0), rset = lset;
    stack.reserve(n_);
  }
  int n() const { return n_; }
  bool Terminal() const { return b == n_ && stack.empty(); }
  int S(int i) const { return int(stack.size()) > i ? stack[stack.size() - 1 - i] : -1; }

  int Left(int label) const { return 2 + label; }
  int Right(int label) const { return 2 + num_labels_ + label; }

  bool Valid(int move, int root_label) const {
    if (move == kShift) return b < n_;
    if (move == kReduce) return !stack.empty() && heads[S(0)] >= 0;
    if (stack.empty() || heads[S(0)] >= 0) {
      if (move - 2 >= num_labels_) return RightValid(move - 2 - num_labels_, root_label);
      return false;
    }
    if (move - 2 < num_labels_) {
      int label = move - 2;
      if (b == n_) return label == root_label && nleft[n_] == 0;
      return label != root_label;
    }
    return RightValid(move - 2 - num_labels_, root_label);
  }
  bool RightValid(int label, int root_label) const { return !stack.empty() && b < n_ && label != root_label; }

  void Apply(int move) {
    if (move == kShift) {
      stack.push_back(b++);
    } else if (move == kReduce) {
      stack.pop_back();
    } else if (move - 2 < num_labels_) {
      AddArc(b, S(0), move - 2);
      stack.pop_back();
    } else {
      AddArc(S(0), b, move - 2 - num_labels_);
      stack.push_back(b++);
    }
  }

  // When no move is valid (the buffer holds only the root, which already has its child, and the
  // stack top has no head): attach the top to the word below it, or to the root's child.
  void Rescue(int label) {
    int d = S(0);
    int h = stack.size() > 1 ? S(1) : left1[n_];
    if (h < 0) h = n_;
    AddArc(h, d, label);
    stack.pop_back();
  }

  void AddArc(int h, int d, int label) {
    heads[d] = h;
    labels[d] = label;
    uint64_t bit = uint64_t(1) << (label & 63);
    if (d < h) {
      if (left1[h] < 0 || d < left1[h])
        left2[h] = left1[h], left1[h] = d;
      else if (left2[h] < 0 || d < left2[h])
        left2[h] = d;
      ++nleft[h];
      lset[h] |= bit;
    } else {
      if (right1[h] < 0 || d > right1[h])
        right2[h] = right1[h], right1[h] = d;
      else if (right2[h] < 0 || d > right2[h])
        right2[h] = d;
      ++nright[h];
      rset[h] |= bit;
    }
  }

  uint64_t W(int i) const { return i < 0 ? kNoWord : i == n_ ? kRootWord : in_->words[i]; }
  uint64_t P(int i) const { return i < 0 ? kNoTag : i == n_ ? kRootTag : uint64_t(in_->tags[i]); }
  // Fine and coarse clusters (kNoCluster outside the sentence or the clustered vocabulary).
  uint64_t C(int i) const {
    return i < 0 || in_->clusters.empty() ? kNoCluster : i == n_ ? kRootCluster : in_->clusters[i] & 0xffff;
  }
  uint64_t K(int i) const {
    return i < 0 || in_->clusters.empty() ? kNoCluster : i == n_ ? kRootCluster : in_->clusters[i] >> 16;
  }
  uint64_t L(int i) const { return i < 0 || labels[i] < 0 ? kNoLabel : uint64_t(labels[i]); }
  int Head(int i) const { return i < 0 ? -1 : heads[i]; }
  int L1(int i) const { return i < 0 ? -1 : left1[i]; }
  int L2(int i) const { return i < 0 ? -1 : left2[i]; }
  int R1(int i) const { return i < 0 ? -1 : right1[i]; }
  int R2(int i) const { return i < 0 ? -1 : right2[i]; }

  int Features(uint64_t* out) const {
    const int s0 = S(0), n0 = b, n1 = b + 1 <= n_ ? b + 1 : -1, n2 = b + 2 <= n_ ? b + 2 : -1, s1 = S(1);
    const int s0h = Head(s0), s0h2 = s0h >= 0 && s0h < n_ ? Head(s0h) : -1;
    const int s0l = L1(s0), s0l2 = L2(s0), s0r = R1(s0), s0r2 = R2(s0), n0l = L1(n0), n0l2 = L2(n0);
    const uint64_t s0w = W(s0), s0p = P(s0), n0w = W(n0), n0p = P(n0), n1w = W(n1), n1p = P(n1), n2w = W(n2),
                   n2p = P(n2);
    const uint64_t s0wp = MixKey(s0w, s0p), n0wp = MixKey(n0w, n0p);
    int dist = s0 < 0 ? 0 : n0 - s0;
    const uint64_t d = dist <= 4 ? dist : dist <= 7 ? 5 : dist <= 12 ? 6 : 7;
    const uint64_t s0vl = s0 < 0 ? 0 : nleft[s0], s0vr = s0 < 0 ? 0 : nright[s0], n0vl = nleft[n0];
    const uint64_t s0sl = s0 < 0 ? 0 : lset[s0], s0sr = s0 < 0 ? 0 : rset[s0], n0sl = lset[n0];
    const uint64_t s0hp = P(s0h), s0lp = P(s0l), s0rp = P(s0r), n0lp = P(n0l);
    int k = 0;
    out[k++] = Key(0, 0);
    out[k++] = Key(1, s0wp);
    out[k++] = Key(2, s0w);
    out[k++] = Key(3, s0p);
    out[k++] = Key(4, n0wp);
    out[k++] = Key(5, n0w);
    out[k++] = Key(6, n0p);
    out[k++] = Key(7, n1w, n1p);
    out[k++] = Key(8, n1w);
    out[k++] = Key(9, n1p);
    out[k++] = Key(10, n2w, n2p);
    out[k++] = Key(11, n2w);
    out[k++] = Key(12, n2p);
    out[k++] = Key(13, s0wp, n0wp);
    out[k++] = Key(14, s0wp, n0w);
    out[k++] = Key(15, s0w, n0wp);
    out[k++] = Key(16, s0wp, n0p);
    out[k++] = Key(17, s0p, n0wp);
    out[k++] = Key(18, s0w, n0w);
    out[k++] = Key(19, s0p, n0p);
    out[k++] = Key(20, n0p, n1p);
    out[k++] = Key(21, n0p, n1p, n2p);
    out[k++] = Key(22, s0p, n0p, n1p);
    out[k++] = Key(23, s0hp, s0p, n0p);
    out[k++] = Key(24, s0p, s0lp, n0p);
    out[k++] = Key(25, s0p, s0rp, n0p);
    out[k++] = Key(26, s0p, n0p, n0lp);
    out[k++] = Key(27, s0w, d);
    out[k++] = Key(28, s0p, d);
    out[k++] = Key(29, n0w, d);
    out[k++] = Key(30, n0p, d);
    out[k++] = Key(31, s0w, n0w, d);
    out[k++] = Key(32, s0p, n0p, d);
    out[k++] = Key(33, s0w, s0vr);
    out[k++] = Key(34, s0p, s0vr);
    out[k++] = Key(35, s0w, s0vl);
    out[k++] = Key(36, s0p, s0vl);
    out[k++] = Key(37, n0w, n0vl);
    out[k++] = Key(38, n0p, n0vl);
    out[k++] = Key(39, W(s0h));
    out[k++] = Key(40, s0hp);
    out[k++] = Key(41, L(s0));
    out[k++] = Key(42, W(s0l));
    out[k++] = Key(43, s0lp);
    out[k++] = Key(44, L(s0l));
    out[k++] = Key(45, W(s0r));
    out[k++] = Key(46, s0rp);
    out[k++] = Key(47, L(s0r));
    out[k++] = Key(48, W(n0l));
    out[k++] = Key(49, n0lp);
    out[k++] = Key(50, L(n0l));
    out[k++] = Key(51, W(s0h2));
    out[k++] = Key(52, P(s0h2));
    out[k++] = Key(53, s0h >= 0 && s0h < n_ ? L(s0h) : kNoLabel);
    out[k++] = Key(54, W(s0l2));
    out[k++] = Key(55, P(s0l2));
    out[k++] = Key(56, L(s0l2));
    out[k++] = Key(57, W(s0r2));
    out[k++] = Key(58, P(s0r2));
    out[k++] = Key(59, L(s0r2));
    out[k++] = Key(60, W(n0l2));
    out[k++] = Key(61, P(n0l2));
    out[k++] = Key(62, L(n0l2));
    out[k++] = Key(63, s0p, s0lp, P(s0l2));
    out[k++] = Key(64, s0p, s0rp, P(s0r2));
    out[k++] = Key(65, s0p, s0hp, P(s0h2));
    out[k++] = Key(66, n0p, n0lp, P(n0l2));
    out[k++] = Key(67, s0w, s0sr);
    out[k++] = Key(68, s0p, s0sr);
    out[k++] = Key(69, s0w, s0sl);
    out[k++] = Key(70, s0p, s0sl);
    out[k++] = Key(71, n0w, n0sl);
    out[k++] = Key(72, n0p, n0sl);
    out[k++] = Key(73, P(s1));
    out[k++] = Key(74, W(s1));
    out[k++] = Key(75, P(s1), s0p, n0p);
    out[k++] = Key(76, s0 >= 0 && heads[s0] >= 0, s0p, n0p);
    out[k++] = Key(77, s0 >= 0 && heads[s0] >= 0, L(s0), n0p);
    out[k++] = Key(78, s0wp, n0p, n1p);
    out[k++] = Key(79, s0p, n0wp, n1p);
    // Word clusters (Koo et al. 2008): unigrams and the pairs a rare word borrows from.
    const uint64_t s0c = C(s0), n0c = C(n0), n1c = C(n1);
    out[k++] = Key(80, s0c);
    out[k++] = Key(81, n0c);
    out[k++] = Key(82, n1c);
    out[k++] = Key(83, s0c, n0c);
    out[k++] = Key(84, s0c, n0p);
    out[k++] = Key(85, s0p, n0c);
    out[k++] = Key(86, K(s0), K(n0), d);
    out[k++] = Key(87, C(s0h), s0p);
    out[k++] = Key(88, n0c, n1c);
    out[k++] = Key(89, K(s0h), K(s0), n0p);
    out[k++] = Key(90, n0c, n1p);
    return k;
  }

  std::vector<int> stack;
  int b = 0;
  std::vector<int> heads, labels;

 private:
  const ParserInput* in_;  // a pointer, so beam decoding can assign one state to another
  int n_, num_labels_;
  std::vector<int> left1, left2, right1, right2, nleft, nright;
  std::vector<uint64_t> lset, rset;
};

// Goldberg & Nivre (2012): how many gold arcs each move makes unreachable.
struct Costs {
  int shift = 0, reduce = 0, left = 0, right = 0;
};

Costs ComputeCosts(const State& st, const std::vector<int>& gold_heads) {
  // gold_heads: 0..n-1 words, n = root token.
  Costs c;
  const int n = st.n(), b = st.b;
  const int s0 = st.S(0);
  auto gh = [&](int i) { return gold_heads[i]; };
  if (b < n) {
    for (int k : st.stack) {
      if (gh(b) == k) ++c.shift;
      if (st.heads[k] < 0 && gh(k) == b) ++c.shift;
    }
  }
  if (s0 >= 0) {
    for (int k = b; k < n; ++k)
      if (gh(k) == s0) ++c.reduce;
    for (int k = b + 1; k <= n; ++k)
      if (gh(s0) == k) ++c.left;
    for (int k = b; k < n; ++k)
      if (gh(k) == s0) ++c.left;
    if (b < n) {
      for (int k : st.stack) {
        if (k != s0 && gh(b) == k) ++c.right;
        if (st.heads[k] < 0 && gh(k) == b) ++c.right;
      }
      for (int k = b + 1; k <= n; ++k)
        if (gh(b) == k) ++c.right;
    }
  }
  return c;
}

int MoveCost(const State& st, const Costs& c, int move, int num_labels, const std::vector<int>& gold_heads,
             const std::vector<int>& gold_labels) {
  if (move == kShift) return c.shift;
  if (move == kReduce) return c.reduce;
  int s0 = st.S(0);
  if (move - 2 < num_labels) return c.left + (gold_heads[s0] == st.b && gold_labels[s0] != move - 2);
  return c.right + (gold_heads[st.b] == s0 && gold_labels[st.b] != move - 2 - num_labels);
}

}  // namespace

void DependencyParser::Parse(const ParserInput& input, std::vector<int>* heads, std::vector<int>* labels) const {
  if (beam_size_ > 1) {
    ParseBeam(input, heads, labels);
  } else {
    ParseGreedy(input, heads, labels);
  }
}

namespace {

void ReadTree(const State& st, int root_label, int dep_label, std::vector<int>* heads, std::vector<int>* labels) {
  const int n = st.n();
  heads->resize(n);
  labels->resize(n);
  for (int i = 0; i < n; ++i) {
    int h = st.heads[i];
    (*heads)[i] = h == n || h < 0 ? -1 : h;
    (*labels)[i] = st.labels[i] < 0 ? dep_label : st.labels[i];
    if (h == n) (*labels)[i] = root_label;
  }
}

constexpr int kRescue = -1;

struct BeamItem {
  State state;
  double score = 0;
  bool gold = true;
  std::vector<int16_t> moves;
};

struct Candidate {
  int item, move;
  double score;
};

// The best `k` candidates first; ties broken by item and move, so decoding is deterministic.
void SortCandidates(std::vector<Candidate>* c, int k) {
  auto middle = c->begin() + std::min<size_t>(size_t(k), c->size());
  std::partial_sort(c->begin(), middle, c->end(), [](const Candidate& a, const Candidate& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.item != b.item) return a.item < b.item;
    return a.move < b.move;
  });
}

}  // namespace

void DependencyParser::ParseBeam(const ParserInput& input, std::vector<int>* heads, std::vector<int>* labels) const {
  const int num_labels = int(labels_.size()), num_moves = 2 + 2 * num_labels, k = beam_size_;
  // Two rows of k states, allocated once a sentence: a state is assigned into its slot of the next
  // row (vector assignment, no allocation), or, when it is its parent's last extension, takes the
  // parent's arrays by swapping. Top-k: a small sorted array, candidates best first with ties to
  // the lower item and move (the order of SortCandidates, so training and decoding agree).
  std::vector<State> beam(size_t(k), State(input, num_labels)), next = beam;
  std::vector<int64_t> score(size_t(k), 0), next_score(size_t(k), 0);
  std::vector<int> last_pick(k, 0);
  uint64_t keys[kMaxFeatures];
  std::vector<int32_t> scores(num_moves);
  struct Pick {
    int item, move;
    int64_t score;
  };
  std::vector<Pick> top(size_t(k) + 1);
  int size = 1;
  while (!beam[0].Terminal()) {
    int count = 0;
    auto offer = [&](int item, int move, int64_t s) {
      if (count == k && s <= top[k - 1].score) return;
      int j = count < k ? count++ : k - 1;
      while (j > 0 && top[j - 1].score < s) top[j] = top[j - 1], --j;
      top[j] = Pick{item, move, s};
    };
    for (int i = 0; i < size; ++i) {
      const State& st = beam[i];
      int nk = st.Features(keys);
      std::fill(scores.begin(), scores.end(), 0);
      weights_.Score(keys, nk, scores.data());
      bool any = false;
      for (int m = 0; m < num_moves; ++m) {
        if (!st.Valid(m, root_label_)) continue;
        offer(i, m, score[i] + scores[m]);
        any = true;
      }
      if (!any) offer(i, kRescue, score[i]);
    }
    if (beam_margin_ > 0)
      while (count > 1 && top[count - 1].score < top[0].score - beam_margin_) --count;
    for (int j = 0; j < count; ++j) last_pick[top[j].item] = j;
    for (int j = 0; j < count; ++j) {
      const Pick& p = top[j];
      if (last_pick[p.item] == j) {
        std::swap(next[j], beam[p.item]);
      } else {
        next[j] = beam[p.item];
      }
      if (p.move == kRescue) {
        next[j].Rescue(dep_label_);
      } else {
        next[j].Apply(p.move);
      }
      next_score[j] = p.score;
    }
    std::swap(beam, next);
    std::swap(score, next_score);
    size = count;
  }
  ReadTree(beam[0], root_label_, dep_label_, heads, labels);
}

void DependencyParser::ParseGreedy(const ParserInput& input, std::vector<int>* heads, std::vector<int>* labels) const {
  const int num_labels = int(labels_.size()), num_moves = 2 + 2 * num_labels;
  State st(input, num_labels);
  uint64_t keys[kMaxFeatures];
  std::vector<int32_t> scores(num_moves);
  while (!st.Terminal()) {
    int nk = st.Features(keys);
    std::fill(scores.begin(), scores.end(), 0);
    weights_.Score(keys, nk, scores.data());
    int best = -1;
    for (int m = 0; m < num_moves; ++m)
      if ((best < 0 || scores[m] > scores[best]) && st.Valid(m, root_label_)) best = m;
    if (best < 0) {
      st.Rescue(dep_label_);
    } else {
      st.Apply(best);
    }
  }
  ReadTree(st, root_label_, dep_label_, heads, labels);
}

namespace {

// The oracle's move: the cheapest valid move, arcs before REDUCE before SHIFT; -1 when none is valid.
int OracleMove(const State& st, int num_labels, int root_label, const std::vector<int>& gold_heads,
               const std::vector<int>& gold_labels) {
  Costs c = ComputeCosts(st, gold_heads);
  const int num_moves = 2 + 2 * num_labels;
  int best = -1, best_cost = 0;
  auto consider = [&](int m) {
    if (!st.Valid(m, root_label)) return;
    int cost = MoveCost(st, c, m, num_labels, gold_heads, gold_labels);
    if (best < 0 || cost < best_cost) best = m, best_cost = cost;
  };
  for (int m = 2; m < num_moves; ++m) consider(m);
  consider(kReduce);
  consider(kShift);
  return best;
}

// Adds `delta` to the features of every move of the sequence, replayed from the start.
void UpdateSequence(const ParserInput& input, int num_labels, int dep_label, const std::vector<int16_t>& moves,
                    float delta, PerceptronTrainer* trainer) {
  State st(input, num_labels);
  uint64_t keys[kMaxFeatures];
  for (int16_t m : moves) {
    if (m == kRescue) {
      st.Rescue(dep_label);
      continue;
    }
    int nk = st.Features(keys);
    trainer->Add(keys, nk, m, delta);
    st.Apply(m);
  }
}

}  // namespace

void DependencyParser::TrainBeam(DependencyParser* parser, const std::vector<ParserExample>& examples,
                                 const ParserTrainOptions& options, PerceptronTrainer* trainer) {
  const int num_labels = int(parser->labels_.size()), num_moves = 2 + 2 * num_labels;
  const int root_label = parser->root_label_, dep_label = parser->dep_label_;
  std::vector<size_t> order(examples.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937 rng(options.seed);
  std::vector<float> scores(num_moves);
  uint64_t keys[kMaxFeatures];
  std::vector<Candidate> candidates;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    size_t early = 0, wrong = 0;
    for (size_t e : order) {
      const ParserExample& ex = examples[e];
      const int n = int(ex.input.words.size());
      std::vector<int> gold_heads(n);
      for (int i = 0; i < n; ++i) gold_heads[i] = ex.heads[i] < 0 ? n : ex.heads[i];
      State gold_state(ex.input, num_labels);
      std::vector<int16_t> gold_moves;
      double gold_score = 0;
      std::vector<BeamItem> beam;
      beam.push_back(BeamItem{State(ex.input, num_labels), 0, true, {}});
      // The update: the gold prefix against the beam's best at the step of the largest violation.
      double worst = -1;
      size_t worst_step = 0;
      std::vector<int16_t> worst_moves;
      while (!gold_state.Terminal() && !beam[0].state.Terminal()) {
        int g = OracleMove(gold_state, num_labels, root_label, gold_heads, ex.labels);
        if (g < 0) break;  // the gold tree is out of the system's reach (non-projective): stop here
        if (!options.early_update) {
          int nk = gold_state.Features(keys);
          std::fill(scores.begin(), scores.end(), 0.0f);
          trainer->Score(keys, nk, scores.data());
          gold_score += double(scores[g]);
        }
        candidates.clear();
        for (int i = 0; i < int(beam.size()); ++i) {
          const State& st = beam[i].state;
          int nk = st.Features(keys);
          std::fill(scores.begin(), scores.end(), 0.0f);
          trainer->Score(keys, nk, scores.data());
          bool any = false;
          for (int m = 0; m < num_moves; ++m) {
            if (!st.Valid(m, root_label)) continue;
            candidates.push_back({i, m, beam[i].score + double(scores[m])});
            any = true;
          }
          if (!any) candidates.push_back({i, kRescue, beam[i].score});
        }
        SortCandidates(&candidates, options.beam_size);
        std::vector<BeamItem> next;
        bool gold_kept = false;
        for (const Candidate& c : candidates) {
          if (int(next.size()) == options.beam_size) break;
          const BeamItem& parent = beam[c.item];
          BeamItem item{parent.state, c.score, parent.gold && c.move == g, parent.moves};
          item.moves.push_back(int16_t(c.move));
          if (c.move == kRescue) {
            item.state.Rescue(dep_label);
          } else {
            item.state.Apply(c.move);
          }
          gold_kept |= item.gold;
          next.push_back(std::move(item));
        }
        gold_state.Apply(g);
        gold_moves.push_back(int16_t(g));
        if (options.early_update) {
          if (!gold_kept) {
            worst = 0, worst_step = gold_moves.size(), worst_moves = next[0].moves;
            ++early;
            break;
          }
        } else if (!next[0].gold && next[0].score - gold_score >= worst) {
          worst = next[0].score - gold_score, worst_step = gold_moves.size(), worst_moves = next[0].moves;
        }
        beam = std::move(next);
      }
      if (options.early_update && worst < 0 && !beam[0].gold && gold_state.Terminal()) {
        worst = 0, worst_step = gold_moves.size(), worst_moves = beam[0].moves;
      }
      if (worst >= 0) {
        (worst_step < gold_moves.size() || !gold_state.Terminal() ? early : wrong)++;
        gold_moves.resize(worst_step);
        UpdateSequence(ex.input, num_labels, dep_label, gold_moves, 1.0f, trainer);
        UpdateSequence(ex.input, num_labels, dep_label, worst_moves, -1.0f, trainer);
      }
      trainer->NextInstance();
    }
    if (options.verbose)
      std::fprintf(stderr, "parser epoch %d (beam %d): %zu updates before the last step, %zu at it, in %zu sentences\n",
                   epoch + 1, options.beam_size, early, wrong, examples.size());
    if (options.after_epoch) {
      DependencyParser snapshot = *parser;
      snapshot.beam_size_ = options.beam_size;
      snapshot.weights_ = trainer->Average(options.prune);
      options.after_epoch(epoch + 1, snapshot);
    }
  }
}

DependencyParser DependencyParser::Train(const std::vector<ParserExample>& examples,
                                         const std::vector<std::string>& labels, const ParserTrainOptions& options) {
  DependencyParser parser;
  parser.labels_ = labels;
  for (size_t i = 0; i < labels.size(); ++i) {
    if (labels[i] == "root") parser.root_label_ = int(i);
    if (labels[i] == "dep") parser.dep_label_ = int(i);
  }
  const int num_labels = int(labels.size()), num_moves = 2 + 2 * num_labels;
  PerceptronTrainer trainer(num_moves);
  parser.beam_size_ = std::max(1, options.beam_size);
  if (parser.beam_size_ > 1) {
    TrainBeam(&parser, examples, options, &trainer);
    parser.weights_ = trainer.Average(options.prune);
    return parser;
  }
  std::vector<size_t> order(examples.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937 rng(options.seed);
  std::vector<float> scores(num_moves);
  std::vector<int> costs(num_moves);
  uint64_t keys[kMaxFeatures];
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    size_t moves = 0, errors = 0;
    for (size_t e : order) {
      const ParserExample& ex = examples[e];
      const int n = int(ex.input.words.size());
      std::vector<int> gold_heads(n);
      for (int i = 0; i < n; ++i) gold_heads[i] = ex.heads[i] < 0 ? n : ex.heads[i];
      State st(ex.input, num_labels);
      while (!st.Terminal()) {
        int nk = st.Features(keys);
        std::fill(scores.begin(), scores.end(), 0.0f);
        trainer.Score(keys, nk, scores.data());
        Costs c = ComputeCosts(st, gold_heads);
        int best = -1, best_gold = -1, min_cost = std::numeric_limits<int>::max();
        for (int m = 0; m < num_moves; ++m) {
          if (!st.Valid(m, parser.root_label_)) continue;
          costs[m] = MoveCost(st, c, m, num_labels, gold_heads, ex.labels);
          min_cost = std::min(min_cost, costs[m]);
          if (best < 0 || scores[m] > scores[best]) best = m;
        }
        if (best < 0) {
          st.Rescue(parser.dep_label_);
          continue;
        }
        for (int m = 0; m < num_moves; ++m) {
          if (!st.Valid(m, parser.root_label_) || costs[m] != min_cost) continue;
          if (best_gold < 0 || scores[m] > scores[best_gold]) best_gold = m;
        }
        ++moves;
        if (costs[best] != min_cost) {
          ++errors;
          trainer.Update(keys, nk, best_gold, best);
        }
        trainer.NextInstance();
        bool explore = epoch > 0 && (rng() % 1000) < uint32_t(options.explore * 1000);
        st.Apply(explore ? best : best_gold);
      }
    }
    if (options.verbose)
      std::fprintf(stderr, "parser epoch %d: %.4f of the moves right\n", epoch + 1,
                   1.0 - double(errors) / double(std::max<size_t>(1, moves)));
  }
  parser.weights_ = trainer.Average(options.prune);
  return parser;
}

void DependencyParser::AppendTo(std::string* out) const {
  PutStrings(out, labels_);
  PutU32(out, uint32_t(root_label_));
  PutU32(out, uint32_t(dep_label_));
  // The beam (low 8 bits) and its margin in units of 256 (the rest; 0 for older files).
  PutU32(out, uint32_t(beam_size_) | uint32_t(std::min<int64_t>(beam_margin_ / 256, 0xffffff)) << 8);
  weights_.AppendTo(out);
}

bool DependencyParser::ReadFrom(std::string_view data, size_t* pos) {
  uint32_t root = 0, dep = 0, beam = 0;
  if (!GetStrings(data, pos, &labels_) || !GetU32(data, pos, &root) || !GetU32(data, pos, &dep) ||
      !GetU32(data, pos, &beam))
    return false;
  beam_margin_ = int64_t(beam >> 8) * 256;
  beam &= 0xff;
  if (beam < 1 || beam > 64) return false;
  beam_size_ = int(beam);
  if (labels_.empty() || labels_.size() > 127 || root >= labels_.size() || dep >= labels_.size()) return false;
  root_label_ = int(root), dep_label_ = int(dep);
  return weights_.ReadFrom(data, pos) && weights_.num_classes() == int(2 + 2 * labels_.size());
}

}  // namespace eventmill::syntax
