from tests.recruitment.conftest import people as people
