/* A shared library whose function dereferences the pointer it is given. */
struct record {
    int id;
    int value;
};

int libnull_read_value(struct record *r)
{
    return r->value;
}
