// Names for the demangler's oracle table: namespaces, templates, operators, constructors and destructors,
// lambdas, unnamed namespaces, cv/ref qualifiers, function pointers, and the clones gcc -O2 makes.
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace forensics::sample {

template <typename T, int N>
struct Ring {
    T items[N];
    int used = 0;
    Ring() = default;
    ~Ring() { used = -1; }
    void push(const T& item) { items[used++ % N] = item; }
    T& operator[](int index) { return items[index % N]; }
    const T& operator[](int index) const { return items[index % N]; }
    bool operator==(const Ring& other) const { return used == other.used; }
    Ring& operator<<(const T& item) { push(item); return *this; }
    explicit operator bool() const { return used != 0; }
    template <typename F> int count_if(F&& predicate) const & {
        int n = 0;
        for (int i = 0; i < used && i < N; ++i) n += predicate(items[i]) ? 1 : 0;
        return n;
    }
    int size() && { return used; }
};

class Parser {
public:
    explicit Parser(std::string text) : text_(std::move(text)) {}
    virtual ~Parser() = default;
    virtual int parse(const char* begin, unsigned long length, volatile int* flag) const;
    static Parser* create(std::vector<std::string>& lines, std::map<std::string, int> const& table);
    int apply(int (*callback)(int, double), int (Parser::*member)(int) const) const { return callback(1, 2.0) + (this->*member)(3); }
    int twice(int x) const { return 2 * x; }
private:
    std::string text_;
};

int Parser::parse(const char* begin, unsigned long length, volatile int* flag) const {
    if (flag != nullptr) *flag = 1;
    return static_cast<int>(length) + (begin ? begin[0] : 0) + static_cast<int>(text_.size());
}

Parser* Parser::create(std::vector<std::string>& lines, std::map<std::string, int> const& table) {
    return new Parser(lines.empty() ? std::to_string(table.size()) : lines.front());
}

template <typename... Args>
__attribute__((noinline)) int variadic_sum(Args&&... args) { return (0 + ... + static_cast<int>(args)); }

template <typename T>
__attribute__((noinline)) T* make_array(std::size_t count, std::unique_ptr<T[]>& owner) {
    owner.reset(new T[count]);
    return owner.get();
}

__attribute__((noinline, cold)) void fail(const std::string& why) { throw std::runtime_error(why); }

}  // namespace forensics::sample

namespace {
struct Hidden {
    long value;
    __attribute__((noinline)) long get(long extra) const volatile { return value + extra; }
};
__attribute__((noinline)) int unnamed_helper(Hidden* hidden, int rarely) {
    if (__builtin_expect(rarely > 1000, 0)) {
        std::fprintf(stderr, "rare path %d\n", rarely);
        std::abort();
    }
    return static_cast<int>(hidden->get(rarely));
}
}  // namespace

__attribute__((noinline)) static int isra_candidate(const std::vector<int>& values, int unused_scale) {
    int total = 0;
    for (int value : values) total += value;
    return total + (unused_scale > 0 ? 0 : 1);
}

int compare_callback(int a, double b) { return a + static_cast<int>(b); }

int main(int argc, char** argv) {
    using namespace forensics::sample;
    Ring<double, 4> ring;
    ring << 1.5 << 2.5;
    const auto& constant = ring;
    int big = ring.count_if([argc](double d) { return d > argc; });
    auto small = [](const Ring<double, 4>& r, int limit) { return r.count_if([limit](double d) { return d < limit; }); };
    std::vector<std::string> lines(argv, argv + argc);
    std::map<std::string, int> table{{"a", 1}};
    std::unique_ptr<Parser> parser(Parser::create(lines, table));
    volatile int flag = 0;
    std::function<int(int)> doubled = [&parser](int x) { return parser->twice(x); };
    std::unique_ptr<long[]> owner;
    long* array = make_array<long>(4, owner);
    array[0] = 7;
    Hidden hidden{array[0]};
    int result = parser->parse(argv[0], 3, &flag) + big + small(ring, 3) + static_cast<int>(constant[0]) + doubled(4)
        + variadic_sum(1, 2L, 3.0, 'x') + unnamed_helper(&hidden, argc) + isra_candidate(std::vector<int>{1, 2, 3}, argc)
        + parser->apply(compare_callback, &Parser::twice) + (ring == ring ? 1 : 0) + (static_cast<bool>(ring) ? 1 : 0)
        + Ring<char, 2>{}.size();
    if (result == 12345) fail("unlikely");
    std::printf("%d\n", result);
    return 0;
}
