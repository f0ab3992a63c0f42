// A namespaced method calls a function template that throws; nothing catches it, so
// std::terminate aborts the process.
#include <stdexcept>
#include <string>

namespace inventory {

template <typename T>
__attribute__((noinline)) T checked_quantity(T value)
{
    if (value < 0)
        throw std::out_of_range("negative quantity " + std::to_string(value));
    return value;
}

class Ledger {
public:
    __attribute__((noinline)) long post(long quantity)
    {
        total_ += checked_quantity<long>(quantity);
        return total_;
    }

private:
    long total_ = 0;
};

} // namespace inventory

int main()
{
    inventory::Ledger ledger;
    ledger.post(5);
    return static_cast<int>(ledger.post(-3));
}
